"""The admin form every page type's editor is built on (each type's own form inherits it)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm


class PortalPageForm(WagtailAdminPageForm):
    """The public change note belongs to one publication: it starts blank for each new round of
    edits and is refused when "major change" is ticked without saying what changed."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        page = self.instance
        # The page's latest revision is live: its note has been published, so the next edit starts afresh.
        # (A saved draft, or one in review, keeps its note.)
        if page.pk and page.live and not page.has_unpublished_changes:
            self.initial.update(major_change=False, change_note="")

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("major_change") and not cleaned_data.get("change_note"):
            self.add_error(
                "change_note",
                _("Say what changed for readers, or untick “major change” if they need not know."),
            )
        return cleaned_data
