"""Creating, publishing and withdrawing regulation versions, each step all-or-nothing.

A draft's text may be replaced as often as needed; a published version's text never changes
(citations point at it), only its details (PDF, link to the act, summary). Publishing keeps
each published version's `effective_to` at the day before the next one takes effect.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import parsing, search
from .models import Provision, Regulation, Version

ONE_DAY = datetime.timedelta(days=1)


class VersionError(Exception):
    """An action the version's state does not allow; the message says why, for the editor."""


def read_text(text):
    """The tree of `text`, or ParseFailed with every problem (line number, text, message)."""
    parsed = parsing.parse(text)
    if parsed.problems:
        raise parsing.ParseFailed(parsed.problems)
    return parsed


def store_tree(version, parsed):
    """Save the provisions level by level, so each level knows its parents' ids (three inserts, not one per node)."""
    positions = {id(node): position for position, node in enumerate(parsed.walk(), start=1)}
    saved = {}
    level = [(node, None) for node in parsed.nodes]
    while level:
        created = Provision.objects.bulk_create(
            Provision(
                version=version,
                parent=saved[id(parent)] if parent is not None else None,
                position=positions[id(node)],
                kind=node.kind,
                number=node.number,
                label=node.label,
                transitory=node.transitory,
                heading=node.heading,
                text=node.text,
            )
            for node, parent in level
        )
        saved.update({id(node): provision for (node, _parent), provision in zip(level, created)})
        level = [(child, node) for node, _parent in level for child in node.children]


@transaction.atomic
def create_draft(regulation, text, **details):
    """A new draft version from plain text; `details` are Version fields (effective_from, act_…)."""
    parsed = read_text(text)
    version = Version.objects.create(regulation=regulation, source_text=text, preamble=parsed.preamble, **details)
    store_tree(version, parsed)
    return version


@transaction.atomic
def replace_text(version, text):
    """Read a draft's text again, replacing its whole tree."""
    version = Version.objects.select_for_update().get(pk=version.pk)
    if version.is_published:
        raise VersionError(_("A published version's text cannot change. Start a new draft from it instead."))
    parsed = read_text(text)
    version.provisions.all().delete()
    store_tree(version, parsed)
    version.source_text, version.preamble = text, parsed.preamble
    version.save(update_fields=["source_text", "preamble", "updated_at"])
    search.unindex_version(version)
    return version


def locked(version):
    """The version, with its regulation locked so two publishers cannot interleave."""
    Regulation.objects.select_for_update().get(pk=version.regulation_id)
    return Version.objects.get(pk=version.pk)


@transaction.atomic
def publish(version):
    version = locked(version)
    if version.is_published:
        raise VersionError(_("This version is already published."))
    clash = version.regulation.versions.published().filter(effective_from=version.effective_from).first()
    if clash is not None:
        raise VersionError(
            _("A published version already takes effect on %(date)s. Change this draft's date, or withdraw that one first.")
            % {"date": version.effective_from.isoformat()}
        )
    version.published_at = timezone.now()
    version.save(update_fields=["published_at", "updated_at"])
    update_periods(version.regulation)
    search.index_version(version)
    version.refresh_from_db()  # its effective_to, if a later version was already published
    return version


@transaction.atomic
def withdraw(version):
    """Back to draft (e.g. published with the wrong date): the public stops seeing it at once."""
    version = locked(version)
    if not version.is_published:
        raise VersionError(_("This version is not published."))
    version.published_at = None
    version.effective_to = None
    version.save(update_fields=["published_at", "effective_to", "updated_at"])
    update_periods(version.regulation)
    search.unindex_version(version)
    return version


@transaction.atomic
def discard(version):
    version = locked(version)
    if version.is_published:
        raise VersionError(_("A published version cannot be deleted. Withdraw it first."))
    search.unindex_version(version)  # before the delete, which clears version.pk
    version.delete()


def update_periods(regulation):
    """Each published version is in force until the day before the next one takes effect."""
    published = list(regulation.versions.published().order_by("effective_from"))
    for current, following in zip(published, published[1:] + [None]):
        effective_to = following.effective_from - ONE_DAY if following is not None else None
        if current.effective_to != effective_to:
            Version.objects.filter(pk=current.pk).update(effective_to=effective_to)
