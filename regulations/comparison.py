"""What an amendment changed: articles and annexes matched by label, and a word-level redline.

Provisions are matched by their stable label (`art-12` in both versions), so an article that
kept its number but changed words is *changed*, one that appears only in the newer version is
*added*, only in the older *removed*. Títulos and párrafos are structure, not text: a renamed
título shows in the table of contents, not here.
"""

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from .models import Provision

TEXT_KINDS = (Provision.Kind.ARTICLE, Provision.Kind.ANNEX)
TOKEN = re.compile(r"\w+|\s+|[^\w\s]")
ADDED, REMOVED, CHANGED, UNCHANGED = "added", "removed", "changed", "unchanged"


@dataclass
class Segment:
    """A run of the redline: kept, deleted or inserted text."""

    operation: str  # "equal", "delete" or "insert"
    text: str


@dataclass
class Change:
    label: str
    status: str
    older: Provision | None
    newer: Provision | None
    redline: list = field(default_factory=list)

    @property
    def provision(self):
        return self.newer or self.older


@dataclass
class Comparison:
    older: object
    newer: object
    changes: list

    def with_status(self, status):
        return [change for change in self.changes if change.status == status]

    @property
    def added(self):
        return self.with_status(ADDED)

    @property
    def removed(self):
        return self.with_status(REMOVED)

    @property
    def changed(self):
        return self.with_status(CHANGED)

    @property
    def unchanged(self):
        return self.with_status(UNCHANGED)


def normalised(text):
    """The same words in the same paragraphs: spacing alone is not a change."""
    return "\n".join(" ".join(line.split()) for line in (text or "").splitlines() if line.strip())


def full_text(provision):
    return "\n".join(part for part in (provision.heading, normalised(provision.text)) if part)


def redline(older_text, newer_text):
    """The newer text as deletions and insertions of words against the older.

    A space between two changed words joins them into one change: "30 UTM" → "100 UTM"
    reads better as one deletion and one insertion than as two pairs.
    """
    old_tokens, new_tokens = TOKEN.findall(older_text), TOKEN.findall(newer_text)
    opcodes = SequenceMatcher(None, old_tokens, new_tokens, autojunk=False).get_opcodes()
    segments, deleted, inserted = [], [], []

    def flush():
        old, new = "".join(deleted), "".join(inserted)
        if old.strip() or new.strip():
            if old.strip():
                segments.append(Segment("delete", old))
            if new.strip():
                segments.append(Segment("insert", new))
        elif old != new:  # only an inciso break added or removed: show where
            segments.extend([Segment("delete", old), Segment("insert", new)])
        deleted.clear()
        inserted.clear()

    for index, (operation, old_start, old_end, new_start, new_end) in enumerate(opcodes):
        old_part, new_part = "".join(old_tokens[old_start:old_end]), "".join(new_tokens[new_start:new_end])
        bridge = (
            operation == "equal"
            and not old_part.strip()
            and (deleted or inserted)
            and index + 1 < len(opcodes)
        )
        if operation != "equal" or bridge:
            deleted.append(old_part)
            inserted.append(new_part)
            continue
        flush()
        segments.append(Segment("equal", old_part))
    flush()
    return segments


def text_provisions(version):
    return {provision.label: provision for provision in version.provisions.filter(kind__in=TEXT_KINDS)}


def compare(older, newer):
    """Every article and annex of either version, in the newer version's order (removed ones where they were)."""
    return Comparison(older, newer, changes_between(text_provisions(older), text_provisions(newer)))


def changes_between(old_by_label, new_by_label):
    """Changes from saved provisions (`old_by_label`) to provisions or parsed nodes (`new_by_label`), by label."""
    changes = []
    for label, provision in new_by_label.items():
        previous = old_by_label.get(label)
        if previous is None:
            changes.append(Change(label, ADDED, None, provision))
        elif full_text(previous) == full_text(provision):
            changes.append(Change(label, UNCHANGED, previous, provision))
        else:
            changes.append(Change(label, CHANGED, previous, provision, redline(full_text(previous), full_text(provision))))
    removed = [Change(label, REMOVED, provision, None) for label, provision in old_by_label.items() if label not in new_by_label]
    for change in removed:  # after the provision that preceded it in the older version
        position = change.older.position
        index = next(
            (i for i, c in enumerate(changes) if c.older is not None and c.older.position > position),
            len(changes),
        )
        changes.insert(index, change)
    return changes


def history(label, versions):
    """For each published version (oldest first): how `label` stood in it — added, changed, unchanged, removed or absent (None)."""
    texts = {
        version_id: full_text(Provision(heading=heading, text=text))
        for version_id, heading, text in Provision.objects.filter(
            version__in=versions, label=label
        ).values_list("version_id", "heading", "text")
    }
    entries, previous = [], None
    for version in versions:
        current = texts.get(version.pk)
        if current is None:
            status = REMOVED if previous is not None else None
        elif previous is None:
            status = ADDED
        else:
            status = UNCHANGED if current == previous else CHANGED
        entries.append((version, status))
        previous = current
    return entries
