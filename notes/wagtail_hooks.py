"""Authoring teams in the admin menu: each named once per language, then chosen on every note."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import LocaleColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Team


class TeamViewSet(SnippetViewSet):
    model = Team
    icon = "group"
    menu_label = _("Authoring teams")
    menu_name = "authoring-teams"
    add_to_admin_menu = True
    menu_order = 270  # after Regulations
    list_display = ["name", LocaleColumn()]
    search_fields = ["name"]


register_snippet(TeamViewSet)
