from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    """Who may do what (roles), the review workflow, public change notes and editors' reports."""

    name = "editorial"
    verbose_name = _("Editorial workflow")

    def ready(self):
        from . import changes, roles, translation_review  # noqa: F401  (signal receivers, admin hooks)
