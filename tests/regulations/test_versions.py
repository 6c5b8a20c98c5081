"""Versions over time: which one is in force on a date, their status as the calendar moves, and
publishing, withdrawing, replacing and discarding — each all-or-nothing."""

import datetime

import pytest
import time_machine
from django.utils import translation

from regulations import versions as version_actions
from regulations.models import Provision, Regulation, Version
from regulations.versions import VersionError

from .conftest import FIRST, FUTURE, SECOND, TEXT_V1, TEXT_V2, TODAY

Status = Version.Status
DAY = datetime.timedelta(days=1)


def fresh(version):
    return Version.objects.get(pk=version.pk)


def periods(regulation):
    """(effective_from, effective_to, published) of every version, oldest first."""
    return list(regulation.versions.order_by("effective_from", "pk").values_list("effective_from", "effective_to", "published_at"))


def draft(regulation, effective_from, text=TEXT_V2):
    return version_actions.create_draft(regulation, text, effective_from=effective_from)


# --- In force on date D -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "day, expected",
    [
        (datetime.date(2000, 1, 1), None),
        (FIRST - DAY, None),  # the day before the first version
        (FIRST, 0),  # its first day
        (datetime.date(2023, 12, 31), 0),  # between versions
        (SECOND - DAY, 0),  # the day before the second
        (SECOND, 1),
        (TODAY, 1),  # a future version is published, but today the second one is in force
        (FUTURE - DAY, 1),
        (FUTURE, 2),  # on the future version's date
        (datetime.date(2040, 1, 1), 2),  # long after the last
    ],
)
def test_in_force_on(regulation, versions, day, expected):
    found = regulation.in_force_on(day)
    assert (found.pk if found else None) == (versions[expected].pk if expected is not None else None)


def test_in_force_on_matches_effective_to(regulation, versions):
    """The version in force on D is the one whose [effective_from, effective_to] holds D."""
    day = FIRST - 3 * DAY
    while day <= FUTURE + 3 * DAY:
        holding = [
            version.pk
            for version in versions
            if version.effective_from <= day and (version.effective_to is None or day <= version.effective_to)
        ]
        found = regulation.in_force_on(day)
        assert ([found.pk] if found else []) == holding, day
        day += 17 * DAY


def test_drafts_are_never_in_force(regulation, versions):
    earlier_draft = draft(regulation, FIRST - 100 * DAY)
    between_draft = draft(regulation, datetime.date(2025, 1, 1))
    assert regulation.in_force_on(FIRST - DAY) is None
    assert regulation.in_force_on(datetime.date(2025, 6, 1)).pk == versions[1].pk
    assert earlier_draft.status() == between_draft.status() == Status.DRAFT


def test_a_regulation_with_only_drafts_has_nothing_in_force(regulation):
    draft(regulation, FIRST)
    assert regulation.in_force_on(datetime.date(2030, 1, 1)) is None


def test_other_regulations_do_not_count(regulation, versions):
    other = Regulation.objects.create(name="Manual de procedimientos")
    version_actions.publish(draft(other, datetime.date(2020, 1, 1)))
    assert regulation.in_force_on(datetime.date(2021, 1, 1)) is None
    assert other.in_force_on(TODAY).regulation_id == other.pk
    assert fresh(versions[0]).effective_to == SECOND - DAY  # the other regulation's version did not touch it


# --- Status as the calendar moves ---------------------------------------------------------------


def test_statuses_today(versions, today, regulation):
    new_draft = draft(regulation, datetime.date(2026, 1, 1))
    assert [version.status() for version in versions] == [Status.SUPERSEDED, Status.IN_FORCE, Status.FUTURE]
    assert new_draft.status() == Status.DRAFT
    with translation.override("en"):
        assert [version.status_label() for version in versions] == ["superseded", "in force", "future"]


@pytest.mark.parametrize(
    "day, expected",
    [
        (FIRST - DAY, [Status.FUTURE, Status.FUTURE, Status.FUTURE]),
        (FIRST, [Status.IN_FORCE, Status.FUTURE, Status.FUTURE]),
        (SECOND - DAY, [Status.IN_FORCE, Status.FUTURE, Status.FUTURE]),
        (SECOND, [Status.SUPERSEDED, Status.IN_FORCE, Status.FUTURE]),
        (FUTURE - DAY, [Status.SUPERSEDED, Status.IN_FORCE, Status.FUTURE]),
        (FUTURE, [Status.SUPERSEDED, Status.SUPERSEDED, Status.IN_FORCE]),
        (datetime.date(2040, 1, 1), [Status.SUPERSEDED, Status.SUPERSEDED, Status.IN_FORCE]),
    ],
)
def test_statuses_on_a_given_day(versions, day, expected):
    assert [version.status(day) for version in versions] == expected
    with time_machine.travel(datetime.datetime.combine(day, datetime.time(12, 0)), tick=False):
        assert [version.status() for version in versions] == expected


@pytest.mark.parametrize(
    "utc_hour, expected",
    [
        (2, [Status.IN_FORCE, Status.FUTURE]),  # 23:00 on 28 February in Santiago (UTC-3 in summer)
        (4, [Status.SUPERSEDED, Status.IN_FORCE]),  # 01:00 on 1 March in Santiago
    ],
)
def test_today_is_the_day_in_chile(versions, utc_hour, expected):
    moment = datetime.datetime(2027, 3, 1, utc_hour, 0, tzinfo=datetime.timezone.utc)
    with time_machine.travel(moment, tick=False):
        assert [versions[1].status(), versions[2].status()] == expected


def test_a_draft_is_a_draft_whatever_the_day(regulation):
    version = draft(regulation, FIRST)
    for day in (FIRST - DAY, FIRST, datetime.date(2040, 1, 1)):
        assert version.status(day) == Status.DRAFT


# --- effective_to kept up to date ---------------------------------------------------------------


def test_effective_to_after_publishing_in_order(versions):
    assert [(version.effective_from, version.effective_to) for version in versions] == [
        (FIRST, SECOND - DAY),
        (SECOND, FUTURE - DAY),
        (FUTURE, None),
    ]


def test_publishing_out_of_order_sets_every_period(regulation):
    """Versions entered late (an old amendment loaded after a newer one) still chain correctly."""
    for effective_from in (FUTURE, FIRST, SECOND):
        version_actions.publish(draft(regulation, effective_from))
    assert [(start, end) for start, end, _published in periods(regulation)] == [
        (FIRST, SECOND - DAY),
        (SECOND, FUTURE - DAY),
        (FUTURE, None),
    ]


def test_publishing_between_two_versions_splits_the_period(regulation, versions):
    between = version_actions.publish(draft(regulation, datetime.date(2025, 1, 1)))
    assert fresh(versions[1]).effective_to == datetime.date(2024, 12, 31)
    assert fresh(between).effective_to == FUTURE - DAY
    assert fresh(versions[0]).effective_to == SECOND - DAY  # untouched
    assert fresh(versions[2]).effective_to is None
    assert regulation.in_force_on(datetime.date(2024, 12, 31)).pk == versions[1].pk
    assert regulation.in_force_on(datetime.date(2025, 1, 1)).pk == between.pk


def test_publish_returns_the_version_with_its_period(regulation, versions):
    between = version_actions.publish(draft(regulation, datetime.date(2025, 1, 1)))
    assert between.effective_to == FUTURE - DAY


def test_publishing_before_the_first_version(regulation, versions):
    earliest = version_actions.publish(draft(regulation, datetime.date(2022, 1, 1)))
    assert fresh(earliest).effective_to == FIRST - DAY
    assert regulation.in_force_on(datetime.date(2022, 6, 1)).pk == earliest.pk


def test_publishing_a_version_the_day_after_another(regulation, versions):
    next_day = version_actions.publish(draft(regulation, SECOND + DAY))
    assert fresh(versions[1]).effective_to == SECOND  # in force for one day
    assert fresh(versions[1]).status(SECOND) == Status.IN_FORCE
    assert fresh(versions[1]).status(SECOND + DAY) == Status.SUPERSEDED
    assert regulation.in_force_on(SECOND + DAY).pk == next_day.pk


def test_withdrawing_the_version_in_force_extends_the_previous_one(regulation, versions, today):
    version_actions.withdraw(versions[1])
    first, second, future = (fresh(version) for version in versions)
    assert (first.effective_to, second.effective_to, future.effective_to) == (FUTURE - DAY, None, None)
    assert second.published_at is None
    assert second.status() == Status.DRAFT
    assert first.status() == Status.IN_FORCE
    assert regulation.in_force_on(TODAY).pk == first.pk
    assert regulation.in_force_on(SECOND).pk == first.pk


def test_withdrawing_the_future_version_leaves_the_current_one_open_ended(regulation, versions, today):
    version_actions.withdraw(versions[2])
    assert fresh(versions[1]).effective_to is None
    assert regulation.in_force_on(datetime.date(2030, 1, 1)).pk == versions[1].pk
    assert fresh(versions[2]).status() == Status.DRAFT


def test_withdrawing_the_first_version(regulation, versions):
    version_actions.withdraw(versions[0])
    assert regulation.in_force_on(FIRST) is None
    assert regulation.in_force_on(SECOND).pk == versions[1].pk
    assert fresh(versions[0]).effective_to is None


def test_withdraw_then_publish_again_restores_the_periods(regulation, versions):
    before = periods(regulation)
    version_actions.withdraw(versions[1])
    version_actions.publish(fresh(versions[1]))
    assert [(start, end) for start, end, _published in periods(regulation)] == [
        (start, end) for start, end, _published in before
    ]


def test_withdrawing_a_draft_is_refused(regulation, versions):
    new_draft = draft(regulation, datetime.date(2025, 1, 1))
    before = periods(regulation)
    with pytest.raises(VersionError):
        version_actions.withdraw(new_draft)
    assert periods(regulation) == before


# --- Refusals that change nothing ---------------------------------------------------------------


@pytest.mark.parametrize("clashing_date", [FIRST, SECOND, FUTURE])
def test_two_published_versions_on_the_same_date_are_refused(regulation, versions, clashing_date):
    before = periods(regulation)
    clash = draft(regulation, clashing_date, text=TEXT_V1)
    with translation.override("en"), pytest.raises(VersionError) as raised:
        version_actions.publish(clash)
    assert clashing_date.isoformat() in str(raised.value)  # says which date
    assert "already" in str(raised.value)
    assert fresh(clash).published_at is None
    assert fresh(clash).status() == Status.DRAFT
    assert [row for row in periods(regulation) if row[2] is not None] == [row for row in before if row[2] is not None]
    assert regulation.in_force_on(clashing_date).pk != clash.pk


def test_the_same_date_is_allowed_once_the_other_version_is_withdrawn(regulation, versions):
    version_actions.withdraw(versions[0])
    replacement = version_actions.publish(draft(regulation, FIRST, text=TEXT_V1))
    assert fresh(replacement).effective_to == SECOND - DAY
    assert regulation.in_force_on(FIRST).pk == replacement.pk


def test_two_drafts_may_share_a_date(regulation, versions):
    first_draft, second_draft = draft(regulation, datetime.date(2025, 1, 1)), draft(regulation, datetime.date(2025, 1, 1))
    version_actions.publish(first_draft)
    with pytest.raises(VersionError):
        version_actions.publish(second_draft)
    assert regulation.in_force_on(datetime.date(2025, 1, 1)).pk == first_draft.pk


def test_publishing_twice_is_refused(regulation, versions):
    before = periods(regulation)
    published_at = versions[1].published_at
    with pytest.raises(VersionError):
        version_actions.publish(versions[1])
    assert fresh(versions[1]).published_at == published_at
    assert periods(regulation) == before


def test_a_published_versions_text_cannot_be_replaced(versions):
    published = versions[1]
    provisions_before = list(published.provisions.values_list("label", "text"))
    with pytest.raises(VersionError):
        version_actions.replace_text(published, "Artículo 1°.- Texto nuevo.")
    after = fresh(published)
    assert after.source_text == TEXT_V2
    assert list(after.provisions.values_list("label", "text")) == provisions_before


def test_a_drafts_text_can_be_replaced(regulation):
    version = draft(regulation, FIRST, text=TEXT_V1)
    old_ids = set(version.provisions.values_list("pk", flat=True))
    replaced = version_actions.replace_text(version, "VISTOS: otra ley.\nArtículo 1°.- Nuevo.\nArtículo 2°.- Otro.")
    after = fresh(replaced)
    assert after.source_text == "VISTOS: otra ley.\nArtículo 1°.- Nuevo.\nArtículo 2°.- Otro."
    assert after.preamble == "VISTOS: otra ley."
    assert list(after.provisions.values_list("label", "text")) == [("art-1", "Nuevo."), ("art-2", "Otro.")]
    assert not Provision.objects.filter(pk__in=old_ids).exists()


def test_a_withdrawn_versions_text_can_be_replaced(versions):
    version_actions.withdraw(versions[2])
    version_actions.replace_text(versions[2], "Artículo 1°.- Corregido.")
    assert list(fresh(versions[2]).provisions.values_list("label", flat=True)) == ["art-1"]


def test_discard_refuses_published_versions(versions):
    count = Provision.objects.filter(version=versions[1]).count()
    with pytest.raises(VersionError):
        version_actions.discard(versions[1])
    assert Version.objects.filter(pk=versions[1].pk, published_at__isnull=False).exists()
    assert Provision.objects.filter(version=versions[1]).count() == count > 0


def test_discard_deletes_a_draft_and_its_provisions(regulation, versions):
    before = periods(regulation)
    version = draft(regulation, datetime.date(2025, 1, 1))
    version_actions.discard(version)
    assert not Version.objects.filter(pk=version.pk).exists()
    assert not Provision.objects.filter(version_id=version.pk).exists()
    assert periods(regulation) == before


def test_published_versions_keep_their_tree(versions):
    labels = list(versions[0].provisions.order_by("position").values_list("label", flat=True))
    assert labels == [
        "titulo-1",
        "art-1",
        "art-2",
        "titulo-2",
        "titulo-2-parrafo-1",
        "art-3",
        "art-4",
        "disposiciones-transitorias",
        "art-1-transitorio",
        "anexo-1",
    ]
    assert versions[0].preamble == "REGLAMENTO DE COMPRAS (PRUEBA)\nVISTOS: la Ley N° 19.886."


# --- Citations ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "label, english, spanish",
    [
        ("art-1", "Article 1°", "Artículo 1°"),
        ("art-3-bis", "Article 3 bis", "Artículo 3 bis"),
        ("art-1-transitorio", "Transitory article 1°", "Artículo 1° transitorio"),
        ("anexo-1", "Annex 1", "Anexo 1"),
        ("titulo-2", "Title II", "Título II"),
        ("titulo-2-parrafo-1", "Paragraph 1°", "Párrafo 1°"),
    ],
)
def test_citations(versions, label, english, spanish):
    provision = Provision.objects.get(version=versions[1], label=label)
    with translation.override("en"):
        assert provision.citation == english
    with translation.override("es"):
        assert provision.citation == spanish


def test_citation_of_article_12_has_no_degree_sign(regulation):
    version = draft(regulation, FIRST, text="Artículo 12.- Doce.\nArtículo único transitorio.- Único.")
    with translation.override("en"):
        assert [provision.citation for provision in version.provisions.order_by("position")] == [
            "Article 12",
            "Transitory article único",
        ]
