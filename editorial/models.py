from django.db import models
from django.utils.translation import gettext_lazy as _


class ChangeNote(models.Model):
    """A publication an editor marked as a major change, with what changed, shown to readers."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="change_notes")
    revision = models.OneToOneField(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField(_("published"))
    note = models.TextField(_("what changed"), max_length=500)

    class Meta:
        ordering = ["-published_at"]
        indexes = [models.Index(fields=["page", "-published_at"], name="change_note_page_date")]
        verbose_name = _("public change note")
        verbose_name_plural = _("public change notes")

    def __str__(self):
        return self.note
