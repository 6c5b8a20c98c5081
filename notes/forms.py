"""The note editor's form: a month picker for the edition, and the teams of the page's language."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm


class MonthField(forms.DateField):
    """A month ("2026-11"), kept as its first day; browsers without a month picker show a text box."""

    widget = forms.DateInput(format="%Y-%m", attrs={"type": "month"})
    input_formats = ["%Y-%m", "%Y-%m-%d"]
    default_error_messages = {"invalid": _("Enter a month as year and month, for example 2026-11.")}


class NotePageForm(WagtailAdminPageForm):
    edition_month = MonthField(
        label=_("month"),
        help_text=_("The month this edition covers, for example 2026-11. Only one edition per month in each language."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "teams" in self.fields:
            teams = self.fields["teams"].queryset
            chosen = self.instance.teams.all() if self.instance.pk else teams.none()
            self.fields["teams"].queryset = (teams.filter(locale_id=self.instance.locale_id) | chosen).distinct()
