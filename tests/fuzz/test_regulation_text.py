"""Regulation text as editors paste it, generated from headings in every spelling (and some
no one should write) with any text between them: parsing gives a clear list of problems or a
complete draft, never part of one, never an exception other than ParseFailed."""

import datetime

from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from regulations import parsing, versions
from regulations.models import Provision, Version

from .strategies import hostile_text

numbers = st.one_of(
    st.integers(0, 10_000).map(str),
    st.sampled_from(["primero", "segundo", "décimo", "vigésimo primero", "único", "prımero", "ſegundo", "I", "XIV", "IIII", "C" * 40]),
)
suffixes = st.sampled_from(["", " bis", " ter", " quáter", " bıs", " quınquies"])
signs = st.sampled_from(["°", "º", "", ".o"])
separators = st.sampled_from([".-", ".", ":", " –", "", "-"])
headings = st.one_of(
    st.builds("{}{}{}{}{} {}".format, st.sampled_from(["Artículo ", "Art. ", "ARTÍCULO ", "articulo "]),
              numbers, signs, suffixes, separators, hostile_text),
    st.builds("{}{}{}".format, st.sampled_from(["Artículo ", "ARTÍCULO "]), numbers, st.just(" transitorio.- Texto.")),
    st.builds("{} {}{}".format, st.sampled_from(["TÍTULO", "Título", "CAPÍTULO", "Párrafo", "§", "ANEXO", "ANEXO N°"]),
              numbers, st.sampled_from(["", " DE LAS COMPRAS", ".- De las compras", " de las compras"])),
    st.sampled_from(["DISPOSICIONES TRANSITORIAS", "ARTÍCULO TRANSITORIO.- Rige hoy.", "VISTOS:", "a) una letra", "- un guion"]),
)
any_line = st.one_of(headings, hostile_text, st.just(""))
one_line = hostile_text.map(lambda text: " ".join(text.split()))
ORDINALS = ["primero", "segundo", "tercero", "cuarto", "quinto"]


@st.composite
def regulations(draw):
    """A text an editor could mean: a preamble, títulos, articles numbered upwards in any spelling
    with any words in them, transitory articles and an annex; sometimes with stray lines put in."""
    lines = draw(st.lists(st.sampled_from(["VISTOS: la Ley N° 19.886.", "CONSIDERANDO:", "reglamento interno"]), max_size=2))
    numbers = sorted(draw(st.sets(st.integers(1, 9999), min_size=1, max_size=6)))
    for position, number in enumerate(numbers, start=1):
        if draw(st.integers(0, 3)) == 0:
            lines += [f"TÍTULO {parsing.int_to_roman(position)}", draw(st.sampled_from(["DE LAS COMPRAS", "Del objeto"]))]
        word = draw(st.sampled_from(["Artículo", "Art.", "ARTÍCULO", "Articulo"]))
        lines.append(f"{word} {number}{draw(signs)}{draw(st.sampled_from(['.-', '.', ':', ' –']))} {draw(one_line)}x")
        lines += draw(st.lists(one_line, max_size=3))  # its incisos; a heading-like one is a problem
    if draw(st.booleans()):
        transitory = draw(st.lists(st.sampled_from(ORDINALS), min_size=1, max_size=3, unique=True))
        lines.append("DISPOSICIONES TRANSITORIAS")
        lines += [f"Artículo {word} transitorio.- {draw(one_line)}x" for word in sorted(transitory, key=ORDINALS.index)]
    if draw(st.booleans()):
        lines += ["ANEXO N° 1", "FORMULARIO", *draw(st.lists(one_line, max_size=3))]
    for _ in range(draw(st.integers(0, 2))):  # stray lines anywhere
        lines.insert(draw(st.integers(0, len(lines))), draw(any_line))
    return draw(st.sampled_from(["\n", "\r\n", "\n\n"])).join(lines)


texts = st.one_of(regulations(), st.lists(any_line, max_size=25).map("\n".join), hostile_text)


def saved():
    return Version.objects.count(), Provision.objects.count()


@given(text=texts)
@example(text="Artículo prımero.- Texto.")  # "ı" read as "i" by the heading's pattern
@example(text="Artículo 1.- Uno.\nArtículo 4 quınquies.- Cinco.")
@example(text="Artículo 1.- Texto\x00 con un nulo.")
@example(text="TÍTULO " + "C" * 40 + "\nArtículo 1.- Texto.")
@example(text="Artículo 1.- " + "x" * 10_000)
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_a_text_becomes_a_whole_draft_or_a_list_of_problems(regulation, text):
    before = saved()
    try:
        version = versions.create_draft(regulation, text, effective_from=datetime.date(2026, 1, 1))
    except parsing.ParseFailed as failure:
        line_count = len(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
        assert failure.problems
        assert all(problem.message and 0 <= problem.line <= line_count for problem in failure.problems)
        assert saved() == before
        event("refused")
        return
    event("draft")
    tree = list(parsing.parse(text).walk())
    provisions = list(version.provisions.order_by("position"))
    assert [(p.kind, p.number, p.label) for p in provisions] == [(n.kind, n.number, n.label) for n in tree]
    assert any(p.kind == Provision.Kind.ARTICLE for p in provisions)
    # What PostgreSQL (production, CI) would refuse and SQLite lets through: too long, or a NUL.
    assert all(len(p.number) <= 30 and len(p.label) <= 80 for p in provisions)
    assert not any("\x00" in value for value in [version.source_text, *(p.text + p.heading for p in provisions)])
