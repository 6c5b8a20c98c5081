"""Public change notes: a publication marked as a major change is recorded with its note, and
the page shows it in its history (the API's `history` reads the same records)."""

from django.dispatch import receiver
from wagtail.signals import page_published

from .models import ChangeNote


@receiver(page_published)
def record_change_note(sender, instance, revision, **kwargs):
    """A page's first publication is its own entry in the history, so only later ones count."""
    page = instance
    is_first_publication = page.first_published_at == page.last_published_at
    if not getattr(page, "major_change", False) or not page.change_note.strip() or is_first_publication:
        return
    ChangeNote.objects.update_or_create(
        revision=revision,
        defaults={"page": page, "published_at": page.last_published_at, "note": page.change_note.strip()},
    )
