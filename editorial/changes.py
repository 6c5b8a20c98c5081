"""Public change notes: a publication marked as a major change is recorded with its note, and
the page shows it in its history (the API's `history` reads the same records).

Publishing through the review workflow or at a scheduled time (`publish_scheduled`) both send
Wagtail's `page_published` when the page actually goes live, which is when a note is recorded.

Translations: wagtail-localize copies the "major change" tick to the English page and offers the
Spanish note as one more string to translate. Until it is translated the English page holds the
Spanish text, which is never recorded; each Spanish major change is recorded once in English, by
the first publication of the English page whose note is translated.
"""

import datetime
from dataclasses import dataclass

from django.dispatch import receiver
from wagtail.signals import page_published
from wagtail_localize.models import Translation

from .models import ChangeNote


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime.datetime
    note: str | None  # None for the first publication


def public_history(page):
    """Major changes with their notes, newest first, then the first publication: one query.

    An alias (an untranslated page shown in another language's tree) shows its original's history.
    """
    if not page.pk or not page.first_published_at:
        return []
    notes = ChangeNote.objects.filter(page_id=page.alias_of_id or page.pk).values_list("published_at", "note")
    return [*(HistoryEntry(at, note) for at, note in notes), HistoryEntry(page.first_published_at, None)]


@receiver(page_published)
def record_change_note(sender, instance, revision, alias=False, **kwargs):
    """Record the note of a major change when the page goes live with it."""
    page = instance
    note = getattr(page, "change_note", "").strip()
    if alias or not getattr(page, "major_change", False) or not note:
        return  # aliases copy their original, whose own signal records the note
    if not page.live or page.live_revision_id != revision.pk:
        return  # scheduled for later: recorded when `publish_scheduled` publishes it
    if page.first_published_at == page.last_published_at:
        return  # the first publication is an entry of its own
    if not is_new_in_translation(page, note):
        return
    ChangeNote.objects.update_or_create(
        revision=revision, defaults={"page": page, "published_at": page.last_published_at, "note": note}
    )


def is_new_in_translation(page, note):
    """A page kept in sync with another language's records each of its source's notes once,
    translated; other pages (sources, or translations edited by hand) record every note."""
    translation = (
        Translation.objects.filter(source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True)
        .select_related("source")
        .first()
    )
    if translation is None:
        return True
    source_note = ChangeNote.objects.filter(
        page__translation_key=page.translation_key, page__locale_id=translation.source.locale_id
    ).first()
    return (
        source_note is not None
        and note != source_note.note
        and not ChangeNote.objects.filter(page=page, published_at__gte=source_note.published_at).exists()
    )
