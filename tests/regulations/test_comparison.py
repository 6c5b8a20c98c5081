"""What an amendment changed: articles matched by label, a word-level redline, an article's history."""

import datetime
import re
from pathlib import Path

import pytest

from regulations import versions as version_actions
from regulations.comparison import ADDED, CHANGED, REMOVED, UNCHANGED, compare, history, redline
from regulations.models import Regulation

DEMO_TEXTS = Path(__file__).resolve().parents[2] / "regulations" / "demo_texts"


def by_status(comparison):
    return {
        ADDED: [change.label for change in comparison.added],
        REMOVED: [change.label for change in comparison.removed],
        CHANGED: [change.label for change in comparison.changed],
        UNCHANGED: [change.label for change in comparison.unchanged],
    }


def edits(segments):
    """The redline without its unchanged runs: [("delete", "30"), ("insert", "100"), …]."""
    return [(segment.operation, segment.text) for segment in segments if segment.operation != "equal"]


def words(segments):
    """The edits with the spaces around them trimmed (which side of a word a space goes is a detail)."""
    return [(operation, text.strip()) for operation, text in edits(segments)]


def newer_text(segments):
    return "".join(segment.text for segment in segments if segment.operation != "delete")


def older_text(segments):
    return "".join(segment.text for segment in segments if segment.operation != "insert")


def change_for(comparison, label):
    (change,) = [change for change in comparison.changes if change.label == label]
    return change


# --- The conftest regulation: v1 (2023-04-01) → v2 (2024-07-01) → v3 (2027-03-01) ----------------


def test_compare_first_and_second_versions(versions):
    first, second, _future = versions
    comparison = compare(first, second)
    assert by_status(comparison) == {
        ADDED: ["art-3-bis"],
        REMOVED: ["art-4"],
        CHANGED: ["art-3"],
        UNCHANGED: ["art-1", "art-2", "art-1-transitorio", "anexo-1"],
    }
    # the newer version's order, with the removed article where it stood in the older one
    assert [change.label for change in comparison.changes] == [
        "art-1",
        "art-2",
        "art-3",
        "art-3-bis",
        "art-4",
        "art-1-transitorio",
        "anexo-1",
    ]


def test_compare_second_and_future_versions(versions):
    _first, second, future = versions
    assert by_status(compare(second, future)) == {
        ADDED: [],
        REMOVED: [],
        CHANGED: ["art-1"],
        UNCHANGED: ["art-2", "art-3", "art-3-bis", "art-1-transitorio", "anexo-1"],
    }


def test_compare_first_and_future_versions_skipping_one(versions):
    first, _second, future = versions
    assert by_status(compare(first, future)) == {
        ADDED: ["art-3-bis"],
        REMOVED: ["art-4"],
        CHANGED: ["art-1", "art-3"],
        UNCHANGED: ["art-2", "art-1-transitorio", "anexo-1"],
    }


def test_compare_a_version_with_itself_changes_nothing(versions):
    comparison = compare(versions[1], versions[1])
    assert comparison.added == comparison.removed == comparison.changed == []
    assert len(comparison.unchanged) == 6


def test_compare_the_other_way_round_swaps_added_and_removed(versions):
    first, second, _future = versions
    statuses = by_status(compare(second, first))
    assert (statuses[ADDED], statuses[REMOVED], statuses[CHANGED]) == (["art-4"], ["art-3-bis"], ["art-3"])


def test_changes_point_at_the_provisions_of_each_version(versions):
    first, second, _future = versions
    comparison = compare(first, second)
    changed, added, removed = change_for(comparison, "art-3"), change_for(comparison, "art-3-bis"), change_for(comparison, "art-4")
    assert (changed.older.version_id, changed.newer.version_id) == (first.pk, second.pk)
    assert (added.older, added.newer.version_id, added.provision.version_id) == (None, second.pk, second.pk)
    assert (removed.older.version_id, removed.newer, removed.provision.version_id) == (first.pk, None, first.pk)
    assert removed.provision.text == "Registro en papel. La Unidad de Compras llevará un registro en papel."
    # only changed articles carry a redline
    assert added.redline == removed.redline == change_for(comparison, "art-1").redline == []


def test_titulos_and_parrafos_are_not_compared(versions):
    comparison = compare(*versions[:2])
    assert all(change.label.startswith(("art-", "anexo-")) for change in comparison.changes)


def test_redline_of_the_changed_threshold(versions):
    first, second, _future = versions
    segments = change_for(compare(first, second), "art-3").redline
    assert edits(segments) == [
        ("delete", "30"),
        ("insert", "100"),
        ("delete", "se harán"),
        ("insert", "podrán hacerse"),
        ("insert", "\nLa Unidad de Compras publicará cada solicitud."),
    ]
    assert newer_text(segments) == change_for(compare(first, second), "art-3").newer.text
    assert older_text(segments) == "Compra ágil. Las compras de hasta 30 UTM se harán por compra ágil."


def test_redline_of_the_future_version(versions):
    _first, second, future = versions
    segments = change_for(compare(second, future), "art-1").redline
    assert words(segments) == [("insert", "y contrataciones")]


# --- redline() on its own -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "old, new, expected",
    [
        ("hasta 30 UTM", "hasta 100 UTM", [("delete", "30"), ("insert", "100")]),
        ("dentro de cinco días hábiles", "dentro de diez días hábiles", [("delete", "cinco"), ("insert", "diez")]),
        ("uno dos", "uno dos tres", [("insert", "tres")]),
        ("uno dos tres", "uno tres", [("delete", "dos")]),
        # two changed words with a space between them read as one change, not two pairs
        ("se harán por compra", "podrán hacerse por compra", [("delete", "se harán"), ("insert", "podrán hacerse")]),
        ("un 5% del valor", "un 3% del valor", [("delete", "5"), ("insert", "3")]),
        ("igual texto.", "igual texto.", []),
        ("", "texto nuevo", [("insert", "texto nuevo")]),
        ("texto viejo", "", [("delete", "texto viejo")]),
    ],
)
def test_redline_marks_changed_words(old, new, expected):
    segments = redline(old, new)
    assert words(segments) == expected
    assert newer_text(segments) == new
    assert older_text(segments) == old


def test_redline_keeps_whole_words():
    segments = redline("la compra ágil", "la compra pública")
    assert edits(segments) == [("delete", "ágil"), ("insert", "pública")]  # not "ágil" → "públic" + "a"


@pytest.mark.parametrize(
    "old, new",
    [
        ("Primer inciso. Segundo inciso.", "Primer inciso.\nSegundo inciso."),
        ("Primer inciso.\nSegundo inciso.", "Primer inciso. Segundo inciso."),
    ],
)
def test_redline_of_an_inciso_split_or_merged(old, new):
    segments = redline(old, new)
    assert newer_text(segments) == new
    assert older_text(segments) == old
    assert edits(segments)  # the comparison calls it changed: the redline must show where


def test_an_inciso_split_in_two_is_a_change(regulation):
    older = version_actions.create_draft(
        regulation, "Artículo 1°.- Primer inciso. Segundo inciso.", effective_from=datetime.date(2024, 1, 1)
    )
    newer = version_actions.create_draft(
        regulation, "Artículo 1°.- Primer inciso.\nSegundo inciso.", effective_from=datetime.date(2025, 1, 1)
    )
    assert by_status(compare(older, newer))[CHANGED] == ["art-1"]


# --- Whitespace is not a change -----------------------------------------------------------------


def test_whitespace_only_differences_are_not_changes(regulation):
    text = "Artículo 1°.- Las compras se harán por licitación pública.\nSegundo inciso.\n\nArtículo 2°.- Dos.\n"
    respaced = (
        "Artículo 1°.-   Las compras se harán\u00a0por\n"
        "licitación   pública.  \r\n"
        "Segundo inciso.\r\n"
        "\r\n"
        "\r\n"
        "Artículo 2°.- Dos.   \r\n"
    )
    older = version_actions.create_draft(regulation, text, effective_from=datetime.date(2024, 1, 1))
    newer = version_actions.create_draft(regulation, respaced, effective_from=datetime.date(2025, 1, 1))
    comparison = compare(older, newer)
    assert by_status(comparison)[UNCHANGED] == ["art-1", "art-2"]
    assert comparison.changed == []


def test_a_changed_annex_heading_is_a_change(regulation):
    older = version_actions.create_draft(
        regulation, "Artículo 1°.- Uno.\nANEXO N° 1\nFORMULARIO A\nFirma.", effective_from=datetime.date(2024, 1, 1)
    )
    newer = version_actions.create_draft(
        regulation, "Artículo 1°.- Uno.\nANEXO N° 1\nFORMULARIO B\nFirma.", effective_from=datetime.date(2025, 1, 1)
    )
    change = change_for(compare(older, newer), "anexo-1")
    assert change.status == CHANGED
    assert edits(change.redline) == [("delete", "A"), ("insert", "B")]


def test_a_renamed_titulo_is_not_an_article_change(regulation):
    older = version_actions.create_draft(
        regulation, "TÍTULO I\nDE LO GENERAL\nArtículo 1°.- Uno.", effective_from=datetime.date(2024, 1, 1)
    )
    newer = version_actions.create_draft(
        regulation, "TÍTULO I\nDE LAS NORMAS GENERALES\nArtículo 1°.- Uno.", effective_from=datetime.date(2025, 1, 1)
    )
    assert by_status(compare(older, newer)) == {ADDED: [], REMOVED: [], CHANGED: [], UNCHANGED: ["art-1"]}


# --- History of one article ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "label, expected",
    [
        ("art-1", [ADDED, UNCHANGED, CHANGED]),
        ("art-2", [ADDED, UNCHANGED, UNCHANGED]),
        ("art-3", [ADDED, CHANGED, UNCHANGED]),
        ("art-3-bis", [None, ADDED, UNCHANGED]),
        ("art-4", [ADDED, REMOVED, None]),
        ("art-1-transitorio", [ADDED, UNCHANGED, UNCHANGED]),
        ("anexo-1", [ADDED, UNCHANGED, UNCHANGED]),
        ("art-99", [None, None, None]),
    ],
)
def test_history_of_an_article(regulation, versions, label, expected):
    entries = history(label, versions)
    assert [version.pk for version, _status in entries] == [version.pk for version in versions]
    assert [status for _version, status in entries] == expected


def test_history_of_an_article_removed_and_added_again(regulation):
    texts = ["Artículo 1°.- Uno.\nArtículo 2°.- Dos.", "Artículo 1°.- Uno.", "Artículo 1°.- Uno.\nArtículo 2°.- Dos otra vez."]
    saved = [
        version_actions.publish(version_actions.create_draft(regulation, text, effective_from=datetime.date(2020 + year, 1, 1)))
        for year, text in enumerate(texts)
    ]
    assert [status for _version, status in history("art-2", saved)] == [ADDED, REMOVED, ADDED]


def test_history_ignores_whitespace_changes(regulation):
    texts = ["Artículo 1°.- Las compras\nserán públicas.", "Artículo 1°.-  Las compras serán  públicas."]
    saved = [
        version_actions.create_draft(regulation, text, effective_from=datetime.date(2020 + year, 1, 1))
        for year, text in enumerate(texts)
    ]
    assert [status for _version, status in history("art-1", saved)] == [ADDED, UNCHANGED]


# --- The demo reglamento: exactly what CHANGES.md lists -----------------------------------------


DEMO_V1_V2 = {
    ADDED: ["art-12-bis"],
    REMOVED: ["art-11"],
    CHANGED: [
        "art-4",
        "art-6",
        "art-7",
        "art-12",
        "art-28",
        "art-30",
        "art-31",
        "art-1-transitorio",
        "art-2-transitorio",
    ],
}
DEMO_V2_V3 = {
    ADDED: ["art-35-bis", "art-3-transitorio"],
    REMOVED: [],
    CHANGED: ["art-3", "art-23", "art-33", "art-40"],
}


def changes_md_section(heading):
    """{ADDED: [...], REMOVED: [...], CHANGED: [...]}: the labels CHANGES.md lists under `## heading`."""
    text = (DEMO_TEXTS / "CHANGES.md").read_text(encoding="utf-8")
    section = text.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]
    result = {}
    for status, name in ((ADDED, "ADDED"), (REMOVED, "REMOVED"), (CHANGED, "CHANGED")):
        block = section.split(f"{name}:\n", 1)[1].split("\n\n", 1)[0]
        result[status] = re.findall(r"^- `([a-z0-9-]+)`", block, re.MULTILINE)
    return result


@pytest.mark.parametrize(
    "heading, expected", [("reglamento v1 → v2", DEMO_V1_V2), ("reglamento v2 → v3", DEMO_V2_V3)]
)
def test_expected_labels_are_those_changes_md_lists(heading, expected):
    assert changes_md_section(heading) == expected


@pytest.fixture
def demo(db):
    """The demo reglamento's three versions, saved as drafts on a regulation of their own."""
    regulation = Regulation.objects.create(name="Reglamento de Compras y Contrataciones del Senado")
    return [
        version_actions.create_draft(
            regulation,
            (DEMO_TEXTS / f"reglamento-v{number}.txt").read_text(encoding="utf-8"),
            effective_from=effective_from,
        )
        for number, effective_from in (
            (1, datetime.date(2023, 4, 1)),
            (2, datetime.date(2024, 7, 1)),
            (3, datetime.date(2027, 3, 1)),
        )
    ]


def all_labels(version):
    return list(version.provisions.filter(kind__in=["article", "annex"]).order_by("position").values_list("label", flat=True))


@pytest.mark.parametrize("pair, expected", [((0, 1), DEMO_V1_V2), ((1, 2), DEMO_V2_V3)], ids=["v1-v2", "v2-v3"])
def test_demo_comparison_is_exactly_what_changes_md_lists(demo, pair, expected):
    older, newer = demo[pair[0]], demo[pair[1]]
    statuses = by_status(compare(older, newer))
    assert statuses[ADDED] == expected[ADDED]
    assert statuses[REMOVED] == expected[REMOVED]
    assert statuses[CHANGED] == expected[CHANGED]
    # every other label is unchanged
    everything = set(all_labels(older)) | set(all_labels(newer))
    listed = set(expected[ADDED]) | set(expected[REMOVED]) | set(expected[CHANGED])
    assert sorted(statuses[UNCHANGED]) == sorted(everything - listed)


def test_demo_v2_v3_unchanged_includes_the_ones_changes_md_names(demo):
    unchanged = by_status(compare(demo[1], demo[2]))[UNCHANGED]
    assert {"art-12", "art-12-bis", "art-1-transitorio", "art-2-transitorio", "anexo-1"} <= set(unchanged)


def test_demo_removed_article_11_stands_where_it_was(demo):
    labels = [change.label for change in compare(demo[0], demo[1]).changes]
    assert labels[labels.index("art-11") - 1 : labels.index("art-11") + 2] == ["art-10", "art-11", "art-12"]
    assert labels.index("art-12-bis") == labels.index("art-12") + 1


def test_demo_redline_art_33_is_one_word(demo):
    change = change_for(compare(demo[1], demo[2]), "art-33")
    assert edits(change.redline) == [("delete", "cinco"), ("insert", "diez")]
    assert newer_text(change.redline) == change.newer.text
    assert older_text(change.redline) == change.older.text


def test_demo_redline_art_12_threshold(demo):
    change = change_for(compare(demo[0], demo[1]), "art-12")
    operations = edits(change.redline)
    assert operations.count(("delete", "30")) == 2  # letras a) and b)
    assert operations.count(("insert", "100")) == 2
    assert "12 bis" in "".join(text for operation, text in operations if operation == "insert")
    assert newer_text(change.redline) == change.newer.text


def test_demo_redline_art_28_percentage(demo):
    change = change_for(compare(demo[0], demo[1]), "art-28")
    assert edits(change.redline) == [("delete", "5"), ("insert", "3")]


def test_demo_redline_art_3_only_touches_the_first_inciso(demo):
    change = change_for(compare(demo[1], demo[2]), "art-3")
    inserted = "".join(text for operation, text in edits(change.redline) if operation == "insert")
    deleted = "".join(text for operation, text in edits(change.redline) if operation == "delete")
    assert "modificada por la Ley N° 21.634," in inserted
    assert "Decreto Supremo N° 250" in deleted
    assert "vigente" in inserted
    second_inciso = change.newer.text.split("\n")[1]
    assert change.older.text.split("\n")[1] == second_inciso
    assert change.redline[-1].operation == "equal" and change.redline[-1].text.endswith(second_inciso)


def test_demo_history_of_articles(demo):
    def statuses(label):
        return [status for _version, status in history(label, demo)]

    assert statuses("art-11") == [ADDED, REMOVED, None]
    assert statuses("art-12") == [ADDED, CHANGED, UNCHANGED]
    assert statuses("art-12-bis") == [None, ADDED, UNCHANGED]
    assert statuses("art-33") == [ADDED, UNCHANGED, CHANGED]
    assert statuses("art-35-bis") == [None, None, ADDED]
    assert statuses("art-3-transitorio") == [None, None, ADDED]
    assert statuses("art-1") == [ADDED, UNCHANGED, UNCHANGED]
