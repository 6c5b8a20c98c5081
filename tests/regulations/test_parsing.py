"""Reading plain Chilean legal text: headings in their real-world spellings, structure, and
malformed input reported line by line (and then nothing is saved)."""

from pathlib import Path

import pytest

from regulations import versions as version_actions
from regulations.models import Provision, Regulation, Version
from regulations.parsing import ANNEX, ARTICLE, CHAPTER, PARAGRAPH, TITLE, TRANSITORY, ParseFailed, parse

DEMO_TEXTS = Path(__file__).resolve().parents[2] / "regulations" / "demo_texts"


def labels(parsed, kind=None):
    return [node.label for node in parsed.walk() if kind is None or node.kind == kind]


def article_labels(parsed):
    return [node.label for node in parsed.articles()]


def only_article(text):
    """The single article `text` holds, checking it was read without problems."""
    parsed = parse(text)
    assert parsed.problems == []
    (article,) = parsed.articles()
    return article


def problem_lines(parsed):
    return [(problem.line, problem.text) for problem in parsed.problems]


# --- Article headings -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "heading, label, number, transitory",
    [
        ("Artículo 1°.- Texto del artículo.", "art-1", "1", False),  # degree sign U+00B0
        ("Artículo 1º.- Texto del artículo.", "art-1", "1", False),  # ordinal indicator U+00BA
        ("Artículo 1o.- Texto del artículo.", "art-1", "1", False),  # a letter o for the sign
        ("Artículo 1.- Texto del artículo.", "art-1", "1", False),
        ("Articulo 1.- Texto del artículo.", "art-1", "1", False),  # no accent
        ("Art. 2. Texto del artículo.", "art-2", "2", False),
        ("Art. 2°.- Texto del artículo.", "art-2", "2", False),
        ("ARTÍCULO 3º: Texto del artículo.", "art-3", "3", False),
        ("ARTICULO 3: Texto del artículo.", "art-3", "3", False),
        ("Artículo 12.- Texto del artículo.", "art-12", "12", False),
        ("Artículo 4 bis.- Texto del artículo.", "art-4-bis", "4 bis", False),
        ("Artículo 4° bis.- Texto del artículo.", "art-4-bis", "4 bis", False),
        ("Artículo 10 ter.- Texto del artículo.", "art-10-ter", "10 ter", False),
        ("Artículo 7 quáter.- Texto del artículo.", "art-7-quater", "7 quater", False),
        ("Artículo primero transitorio.- Texto del artículo.", "art-1-transitorio", "1", True),
        ("Artículo segundo transitorio.- Texto del artículo.", "art-2-transitorio", "2", True),
        ("Artículo décimo transitorio.- Texto del artículo.", "art-10-transitorio", "10", True),
        ("Artículo decimo transitorio.- Texto del artículo.", "art-10-transitorio", "10", True),
        ("Artículo vigésimo transitorio.- Texto del artículo.", "art-20-transitorio", "20", True),
        ("Artículo 2° transitorio.- Texto del artículo.", "art-2-transitorio", "2", True),
        ("ARTÍCULO 2° TRANSITORIO.- Texto del artículo.", "art-2-transitorio", "2", True),
        ("Artículo único.- Texto del artículo.", "art-unico", "único", False),
        ("Artículo unico.- Texto del artículo.", "art-unico", "único", False),
        ("Artículo único transitorio.- Texto del artículo.", "art-unico-transitorio", "único", True),
        ("ARTÍCULO TRANSITORIO.- Texto del artículo.", "art-unico-transitorio", "único", True),
    ],
)
def test_article_heading_spellings(heading, label, number, transitory):
    article = only_article(heading)
    assert (article.kind, article.label, article.number, article.transitory) == (ARTICLE, label, number, transitory)
    assert article.line == 1
    assert article.text == "Texto del artículo."  # the heading itself is not part of the text


@pytest.mark.parametrize(
    "heading, label",
    [
        ("Artículo 4 bis", "art-4-bis"),
        ("Art. 2°", "art-2"),
        ("Artículo 1°", "art-1"),
        ("Artículo 5°.-", "art-5"),
        ("ARTÍCULO TRANSITORIO", "art-unico-transitorio"),
        ("Artículo primero transitorio", "art-1-transitorio"),
    ],
)
def test_article_heading_alone_on_its_line_takes_the_next_line_as_text(heading, label):
    article = only_article(f"{heading}\nLas compras se rigen por este reglamento.\nSegundo inciso.")
    assert article.label == label
    assert article.text_lines == ["Las compras se rigen por este reglamento.", "Segundo inciso."]


def test_articles_after_disposiciones_transitorias_are_transitory():
    parsed = parse(
        "Artículo 1°.- Permanente uno.\n"
        "Artículo 2°.- Permanente dos.\n"
        "\n"
        "DISPOSICIONES TRANSITORIAS\n"
        "\n"
        "Artículo 1°.- Transitorio uno.\n"
        "Artículo 2°.- Transitorio dos.\n"
    )
    assert parsed.problems == []  # numbering starts again: neither a duplicate nor out of order
    assert article_labels(parsed) == ["art-1", "art-2", "art-1-transitorio", "art-2-transitorio"]
    assert [article.transitory for article in parsed.articles()] == [False, False, True, True]
    (section,) = [node for node in parsed.nodes if node.kind == TRANSITORY]
    assert (section.line, section.heading) == (4, "DISPOSICIONES TRANSITORIAS")
    assert [child.label for child in section.children] == ["art-1-transitorio", "art-2-transitorio"]
    assert parsed.articles()[2].text == "Transitorio uno."


@pytest.mark.parametrize("heading", ["Disposiciones transitorias", "ARTÍCULOS TRANSITORIOS", "TÍTULO TRANSITORIO"])
def test_other_transitory_section_headings(heading):
    parsed = parse(f"Artículo 1°.- Uno.\n{heading}\nArtículo primero.- Dos.")
    assert parsed.problems == []
    assert article_labels(parsed) == ["art-1", "art-1-transitorio"]


def test_bis_articles_keep_their_own_labels_in_order():
    parsed = parse(
        "Artículo 4°.- Cuatro.\nArtículo 4 bis.- Bis.\nArtículo 4 ter.- Ter.\nArtículo 5°.- Cinco.\nArtículo 10.- Diez."
    )
    assert parsed.problems == []
    assert article_labels(parsed) == ["art-4", "art-4-bis", "art-4-ter", "art-5", "art-10"]


# --- Títulos, capítulos, párrafos ----------------------------------------------------------------


@pytest.mark.parametrize(
    "lines, label, number, heading",
    [
        (["TÍTULO I", "DE LAS DISPOSICIONES GENERALES"], "titulo-1", "1", "DE LAS DISPOSICIONES GENERALES"),
        (["TÍTULO II: DE LAS COMPRAS"], "titulo-2", "2", "DE LAS COMPRAS"),
        (["TÍTULO II.- De las compras"], "titulo-2", "2", "De las compras"),
        (["TÍTULO II DE LAS COMPRAS"], "titulo-2", "2", "DE LAS COMPRAS"),
        (["TITULO IV", "DE LOS CONTRATOS"], "titulo-4", "4", "DE LOS CONTRATOS"),
        (["TÍTULO 3", "DE LOS CONTRATOS"], "titulo-3", "3", "DE LOS CONTRATOS"),
        (["TÍTULO PRELIMINAR", "NORMAS GENERALES"], "titulo-preliminar", "preliminar", "NORMAS GENERALES"),
        (["TÍTULO FINAL"], "titulo-final", "final", ""),
        (["Título III", "De los contratos"], "titulo-3", "3", "De los contratos"),
        (["Título XIV", "De los reclamos"], "titulo-14", "14", "De los reclamos"),
    ],
)
def test_titulo_headings(lines, label, number, heading):
    parsed = parse("\n".join([*lines, "Artículo 1°.- Texto del artículo."]))
    assert parsed.problems == []
    (title,) = parsed.nodes
    assert (title.kind, title.label, title.number, title.heading, title.line) == (TITLE, label, number, heading, 1)
    # the heading line is the título's, not text: the article is its child and keeps its own text
    assert [child.label for child in title.children] == ["art-1"]
    assert title.children[0].text == "Texto del artículo."
    assert title.children[0].line == len(lines) + 1


def test_capitulos_hold_their_articles():
    parsed = parse(
        "CAPÍTULO I\nDISPOSICIONES GENERALES\n"
        "Artículo 1°.- Uno.\nArtículo 2°.- Dos.\n"
        "CAPÍTULO II\nDEL PAGO\n"
        "Artículo 3°.- Tres.\n"
    )
    assert parsed.problems == []
    assert [(node.kind, node.label, node.heading) for node in parsed.nodes] == [
        (CHAPTER, "capitulo-1", "DISPOSICIONES GENERALES"),
        (CHAPTER, "capitulo-2", "DEL PAGO"),
    ]
    assert [[child.label for child in chapter.children] for chapter in parsed.nodes] == [["art-1", "art-2"], ["art-3"]]


def test_parrafo_numbering_restarts_in_each_titulo_with_distinct_labels():
    parsed = parse(
        "TÍTULO I\nDE LO GENERAL\n"
        "Párrafo 1°\nDel objeto\n"
        "Artículo 1°.- Uno.\n"
        "Párrafo 2°\nDe los principios\n"
        "Artículo 2°.- Dos.\n"
        "TÍTULO II\nDE LOS PROCEDIMIENTOS\n"
        "Párrafo 1°\nDe la compra ágil\n"
        "Artículo 3°.- Tres.\n"
        "Párrafo 2°\nDe la licitación\n"
        "Artículo 4°.- Cuatro.\n"
    )
    assert parsed.problems == []
    assert labels(parsed, PARAGRAPH) == [
        "titulo-1-parrafo-1",
        "titulo-1-parrafo-2",
        "titulo-2-parrafo-1",
        "titulo-2-parrafo-2",
    ]
    paragraphs = {node.label: node for node in parsed.walk() if node.kind == PARAGRAPH}
    assert paragraphs["titulo-2-parrafo-1"].heading == "De la compra ágil"
    assert paragraphs["titulo-2-parrafo-1"].line == 11
    assert [child.label for child in paragraphs["titulo-2-parrafo-1"].children] == ["art-3"]
    # párrafos are children of their título, articles of their párrafo
    assert [[child.label for child in title.children] for title in parsed.nodes] == [
        ["titulo-1-parrafo-1", "titulo-1-parrafo-2"],
        ["titulo-2-parrafo-1", "titulo-2-parrafo-2"],
    ]


@pytest.mark.parametrize(
    "line, label, heading",
    [
        ("Párrafo 2°", "parrafo-2", "De las compras"),
        ("Párrafo 2", "parrafo-2", "De las compras"),
        ("PÁRRAFO 2°", "parrafo-2", "De las compras"),
        ("Parrafo 2°", "parrafo-2", "De las compras"),
        ("Párrafo II", "parrafo-2", "De las compras"),
        ("Párrafo único", "parrafo-unico", "De las compras"),
        ("Párrafo 2°.- De las compras", "parrafo-2", "De las compras"),
        ("CAPÍTULO II: DE LAS COMPRAS", "capitulo-2", "DE LAS COMPRAS"),
        ("Capítulo II", "capitulo-2", "De las compras"),
        ("Párrafo 2º", "parrafo-2", "De las compras"),
        ("Párrafo 2o", "parrafo-2", "De las compras"),
        ("Párrafo 2º.- De las compras", "parrafo-2", "De las compras"),
        ("TÍTULO 2º: DE LAS COMPRAS", "titulo-2", "DE LAS COMPRAS"),
        ("ANEXO 2º: De las compras", "anexo-2", "De las compras"),
    ],
)
def test_subdivision_heading_spellings(line, label, heading):
    inline = ":" in line or ".-" in line
    parsed = parse("\n".join(["Artículo 1°.- Uno.", line, *([] if inline else [heading]), "Artículo 2°.- Dos."]))
    assert parsed.problems == []
    assert parsed.articles()[0].text == "Uno."  # the heading line is not article text
    node = next(node for node in parsed.walk() if node.line == 2)
    assert (node.label, node.heading) == (label, heading)


def test_a_titulo_after_parrafos_holds_its_articles_directly():
    parsed = parse(
        "TÍTULO I\nDE LO GENERAL\nPárrafo 1°\nDel objeto\nArtículo 1°.- Uno.\n"
        "TÍTULO II\nDE LO DEMÁS\nArtículo 2°.- Dos.\n"
    )
    assert parsed.problems == []
    second = parsed.nodes[1]
    assert [child.label for child in second.children] == ["art-2"]  # not inside título I's párrafo


# --- Annexes ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "lines, label, heading",
    [
        (["ANEXO N° 1", "FORMULARIO DE DECLARACIÓN JURADA"], "anexo-1", "FORMULARIO DE DECLARACIÓN JURADA"),
        (["ANEXO Nº 1", "FORMULARIO"], "anexo-1", "FORMULARIO"),
        (["ANEXO I", "FORMULARIO"], "anexo-1", "FORMULARIO"),
        (["Anexo 2: Formulario"], "anexo-2", "Formulario"),
        (["ANEXO"], "anexo", ""),
    ],
)
def test_annexes(lines, label, heading):
    parsed = parse("\n".join(["Artículo 1°.- Texto del artículo.", *lines, "Declaro no tener conflictos de interés.", "Firma: ____"]))
    assert parsed.problems == []
    annex = parsed.nodes[-1]
    assert (annex.kind, annex.label, annex.heading, annex.line) == (ANNEX, label, heading, 2)
    assert annex.text_lines == ["Declaro no tener conflictos de interés.", "Firma: ____"]
    # the annex text does not end up in the article before it
    assert parsed.articles()[0].text == "Texto del artículo."


def test_annex_after_transitory_articles_is_not_inside_them():
    parsed = parse(
        "Artículo 1°.- Uno.\nDISPOSICIONES TRANSITORIAS\nArtículo primero transitorio.- Rige desde su publicación.\n"
        "ANEXO N° 1\nFORMULARIO\n1. Primera declaración.\n2. Segunda declaración."
    )
    assert parsed.problems == []
    assert [node.label for node in parsed.nodes] == ["art-1", "disposiciones-transitorias", "anexo-1"]
    assert parsed.nodes[-1].text_lines == ["1. Primera declaración.", "2. Segunda declaración."]
    assert parsed.articles()[-1].text == "Rige desde su publicación."


# --- Preamble, incisos, letras, PDF copies -------------------------------------------------------


def test_preamble_is_the_text_before_the_first_heading():
    parsed = parse(
        "REGLAMENTO DE COMPRAS\n"
        "VISTOS: Lo dispuesto en la Ley N° 19.886.\n"
        "CONSIDERANDO:\n"
        "1. Que el Senado requiere normas internas.\n"
        "RESUELVO: Apruébase el siguiente reglamento.\n"
        "\n"
        "TÍTULO I\n"
        "DE LO GENERAL\n"
        "Artículo 1°.- Objeto.\n"
    )
    assert parsed.problems == []
    assert parsed.preamble == (
        "REGLAMENTO DE COMPRAS\n"
        "VISTOS: Lo dispuesto en la Ley N° 19.886.\n"
        "CONSIDERANDO:\n"
        "1. Que el Senado requiere normas internas.\n"
        "RESUELVO: Apruébase el siguiente reglamento."
    )
    assert labels(parsed) == ["titulo-1", "art-1"]


def test_no_preamble():
    assert parse("Artículo 1°.- Objeto.").preamble == ""


def test_incisos_are_lines_of_the_article():
    article = only_article(
        "Artículo 5°.- Principios. Las compras se rigen por la probidad.\n"
        "Los funcionarios deberán abstenerse.\n"
        "\n"
        "En contra de dicha resolución procederán los recursos.\n"
    )
    assert article.text_lines == [
        "Principios. Las compras se rigen por la probidad.",
        "Los funcionarios deberán abstenerse.",
        "En contra de dicha resolución procederán los recursos.",
    ]
    assert article.text == "\n".join(article.text_lines)


@pytest.mark.parametrize(
    "items",
    [
        ["a) Adjudicación;", "b) Bases, y", "c) UTM."],
        ["a) Adjudicación", "b) Bases", "c) UTM."],  # no punctuation: still one item a line
        ["1. Adjudicación", "2. Bases", "10. UTM."],
        ["1) Adjudicación", "2) Bases", "3) UTM."],
        ["ñ) Adjudicación", "o) Bases", "p) UTM."],
        ["- Adjudicación", "- Bases", "- UTM."],
        ["• Adjudicación", "• Bases", "• UTM."],
    ],
)
def test_letras_and_numbered_items_stay_on_their_own_lines(items):
    article = only_article("\n".join(["Artículo 4°.- Definiciones. Se entenderá por", *items, "Inciso final."]))
    # the line before the list has no final punctuation, yet the first item is not joined to it
    assert article.text_lines == ["Definiciones. Se entenderá por", *items, "Inciso final."]


def test_pdf_hard_wrapped_lines_are_joined_into_their_inciso():
    article = only_article(
        "Artículo 1°.- Objeto. El presente reglamento regula los\n"
        "procedimientos de adquisición de bienes muebles y de\n"
        "contratación de servicios del Senado.\n"
        "Se aplicará supletoriamente la\n"
        "Ley N° 19.880.\n"
    )
    assert article.text_lines == [
        "Objeto. El presente reglamento regula los procedimientos de adquisición de bienes muebles y de "
        "contratación de servicios del Senado.",
        "Se aplicará supletoriamente la Ley N° 19.880.",
    ]


def test_a_word_hyphenated_across_lines_is_joined():
    article = only_article("Artículo 1°.- Las compras se harán por licita-\nción pública.")
    assert article.text_lines == ["Las compras se harán por licitación pública."]


def test_a_wrapped_line_starting_with_a_number_is_not_a_list_item():
    article = only_article("Artículo 1°.- Los contratos superiores a\n1.000 UTM requieren garantía.")
    assert article.text_lines == ["Los contratos superiores a 1.000 UTM requieren garantía."]


@pytest.mark.parametrize(
    "lines, heading",
    [
        (["TÍTULO II", "DE LA ORGANIZACIÓN Y PLANIFICACIÓN", "DE LAS COMPRAS"], "DE LA ORGANIZACIÓN Y PLANIFICACIÓN DE LAS COMPRAS"),
        (["Párrafo 1°", "De la Unidad de Compras y de la", "comisión evaluadora"], "De la Unidad de Compras y de la comisión evaluadora"),
        (["ANEXO N° 1", "FORMULARIO DE DECLARACIÓN", "JURADA DE INTERESES"], "FORMULARIO DE DECLARACIÓN JURADA DE INTERESES"),
    ],
    ids=["titulo", "parrafo", "anexo"],
)
def test_a_heading_wrapped_across_two_lines_is_joined(lines, heading):
    parsed = parse("\n".join(["Artículo 1°.- Uno.", *lines, "Artículo 2°.- Dos." if lines[0][0] != "A" else "Declaro."]))
    assert parsed.problems == []
    node = next(node for node in parsed.walk() if node.line == 2)
    assert node.heading == heading
    if node.kind == ANNEX:
        assert node.text_lines == ["Declaro."]


def test_windows_line_endings_and_non_breaking_spaces():
    text = (
        "VISTOS:\u00a0la\u00a0ley.\r\n"
        "\r\n"
        "TÍTULO\u00a0I\r\n"
        "DE\u00a0LO\u00a0GENERAL\r\n"
        "Artículo\u00a01°.-\u00a0Objeto.\u00a0Las\u00a0compras.\r\n"
        "Segundo   inciso.\u00a0\r\n"
        "Artículo 2°.- Dos.\r\n"
    )
    parsed = parse(text)
    assert parsed.problems == []
    assert parsed.preamble == "VISTOS: la ley."
    assert labels(parsed) == ["titulo-1", "art-1", "art-2"]
    title, first, second = parsed.walk()
    assert title.heading == "DE LO GENERAL"
    assert first.text_lines == ["Objeto. Las compras.", "Segundo inciso."]  # no \r, no odd spaces
    assert (first.line, second.line) == (5, 7)  # \r\n counts as one line break


def test_old_mac_line_endings():
    parsed = parse("Artículo 1°.- Uno.\rArtículo 2°.- Dos.\r")
    assert parsed.problems == []
    assert article_labels(parsed) == ["art-1", "art-2"]


def test_byte_order_mark_does_not_hide_the_first_article():
    parsed = parse("\ufeffArtículo 1°.- Objeto.\nArtículo 2°.- Ámbito.")
    assert parsed.problems == []
    assert article_labels(parsed) == ["art-1", "art-2"]
    assert parsed.preamble == ""


@pytest.mark.parametrize(
    "sentence",
    [
        "Artículo 3 de la Ley N° 19.886 se aplicará supletoriamente.",
        "Artículo 3° de la Ley N° 19.886 se aplicará supletoriamente.",
        "Art. 3 de la Ley N° 19.886 se aplicará supletoriamente.",
        "artículo 5° de la Ley N° 19.886.",
        "artículo 5°.- de la Ley N° 19.886.",
        "Título VI del presente reglamento se aplicará a los funcionarios.",
        "Capítulo II de este manual regula el pago.",
        "Anexo N° 1 de este reglamento contiene el formulario.",
    ],
)
@pytest.mark.parametrize("joined", [False, True], ids=["own-inciso", "wrapped"])
def test_references_to_other_articles_inside_the_text_are_not_headings(sentence, joined):
    before = "Lo dispuesto en el" if joined else "Primer inciso."
    parsed = parse(f"Artículo 1°.- {before}\n{sentence}\nArtículo 2°.- Otro artículo.")
    assert parsed.problems == []
    assert labels(parsed) == ["art-1", "art-2"]
    first = parsed.articles()[0]
    assert first.text_lines == ([f"{before} {sentence}"] if joined else [before, sentence])


# --- Malformed input ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "bad_line",
    ["Artículo .- Texto sin número.", "Artículo 5x.- Texto.", "Art. X2.- Texto.", "ARTÍCULO ?: Texto."],
)
def test_unreadable_article_number_is_reported_on_its_line(bad_line):
    parsed = parse(f"Artículo 1°.- Uno.\n\n{bad_line}\nArtículo 2°.- Dos.")
    assert problem_lines(parsed) == [(3, bad_line)]
    assert article_labels(parsed) == ["art-1", "art-2"]
    assert bad_line not in parsed.articles()[0].text  # not silently taken as text of article 1


def test_duplicate_article_is_reported_on_the_second_one():
    parsed = parse("Artículo 1°.- Uno.\nArtículo 2°.- Dos.\nArtículo 2°.- Otra vez dos.")
    assert problem_lines(parsed) == [(3, "Artículo 2°.- Otra vez dos.")]


def test_duplicate_spelled_differently_is_still_a_duplicate():
    parsed = parse("Artículo primero transitorio.- Uno.\nArtículo 1° transitorio.- Otra vez uno.")
    assert problem_lines(parsed) == [(2, "Artículo 1° transitorio.- Otra vez uno.")]


@pytest.mark.parametrize(
    "text, line",
    [
        ("Artículo 1°.- Uno.\nArtículo 3°.- Tres.\nArtículo 2°.- Dos.", 3),
        ("Artículo 1°.- Uno.\nArtículo 1 ter.- Ter.\nArtículo 1 bis.- Bis.", 3),
        ("Artículo 1°.- Uno.\nArtículo 2°.- Dos.\nArtículo 1 bis.- Bis.", 3),
    ],
)
def test_out_of_order_article_is_reported(text, line):
    parsed = parse(text)
    assert problem_lines(parsed) == [(line, text.split("\n")[line - 1])]


def test_article_with_no_text_is_reported():
    parsed = parse("Artículo 1°.- Uno.\nArtículo 2°.-\n\nArtículo 3°.- Tres.\nArtículo 4°.-")
    assert problem_lines(parsed) == [(2, "Artículo 2°.-"), (5, "Artículo 4°.-")]


def test_article_with_only_a_titulo_after_it_has_no_text():
    parsed = parse("Artículo 1°.- Uno.\nArtículo 2°\nTÍTULO II\nDE LO DEMÁS\nArtículo 3°.- Tres.")
    assert problem_lines(parsed) == [(2, "Artículo 2°")]


@pytest.mark.parametrize("bad_line", ["TÍTULO 1I", "TÍTULO VV", "CAPÍTULO IIII", "Párrafo 1I"])
def test_unreadable_heading_number_is_reported(bad_line):
    parsed = parse(f"Artículo 1°.- Uno.\n{bad_line}\nArtículo 2°.- Dos.")
    assert problem_lines(parsed) == [(2, bad_line)]


def test_stray_text_after_a_titulo_heading_before_any_article():
    parsed = parse(
        "Artículo 1°.- Uno.\n"
        "TÍTULO II\n"
        "DE LOS PROCEDIMIENTOS\n"
        "Este texto no tiene artículo.\n"
        "Ni este.\n"
        "Artículo 2°.- Dos.\n"
    )
    assert problem_lines(parsed) == [(4, "Este texto no tiene artículo."), (5, "Ni este.")]
    assert parsed.articles()[0].text == "Uno."


@pytest.mark.parametrize("text", ["", "   \n\n\t\n", "VISTOS: la ley.\nCONSIDERANDO: que es necesario.", None])
def test_no_article_at_all(text):
    parsed = parse(text)
    assert not parsed.ok
    assert problem_lines(parsed) == [(0, "")]  # the text as a whole
    assert parsed.articles() == []


def test_every_problem_is_reported_at_once():
    text = (
        "VISTOS: la ley.\n"  # 1
        "Artículo 1°.- Uno.\n"  # 2
        "Artículo .- Sin número.\n"  # 3
        "Artículo 1°.- Duplicado.\n"  # 4
        "Artículo 5x.- Número ilegible.\n"  # 5
        "TÍTULO 1I\n"  # 6
        "Artículo 3°.- Tres.\n"  # 7
        "Artículo 2°.- Fuera de orden.\n"  # 8
        "Artículo 4°.-\n"  # 9
        "TÍTULO V\n"  # 10
        "DE LO DEMÁS\n"  # 11
        "Texto suelto.\n"  # 12
        "Artículo 5°.- Cinco.\n"  # 13
    )
    parsed = parse(text)
    lines = text.split("\n")
    assert problem_lines(parsed) == [(number, lines[number - 1]) for number in (3, 4, 5, 6, 8, 9, 12)]
    assert all(problem.message for problem in parsed.problems)


def test_problem_line_numbers_count_blank_lines_and_windows_endings():
    parsed = parse("VISTOS: la ley.\r\n\r\n\r\nArtículo 1°.- Uno.\r\n\r\nArtículo 1x.- Malo.\r\n")
    assert problem_lines(parsed) == [(6, "Artículo 1x.- Malo.")]


def test_problem_text_is_the_line_as_read():
    parsed = parse("Artículo 1°.- Uno.\n   Artículo\u00a05x.-   Malo.  ")
    assert problem_lines(parsed) == [(2, "Artículo 5x.- Malo.")]


def test_messages_say_what_is_wrong():
    from django.utils import translation

    with translation.override("en"):
        parsed = parse("Artículo 1°.- Uno.\nArtículo 3°.- Tres.\nArtículo 2°.- Dos.\nArtículo 2°.- Dos.")
    assert [problem.message for problem in parsed.problems] == [
        "Article 2 comes after article 3 (line 2): check the numbering.",
        "“art-2” appears twice (first on line 3).",
    ]


def test_compound_ordinal_heading_is_read():
    text = "Artículo vigésimo transitorio.- Veinte.\nArtículo vigésimo primero transitorio.- Veintiuno."
    parsed = parse(text)
    assert parsed.articles()[0].text == "Veinte."
    assert article_labels(parsed) == ["art-20-transitorio", "art-21-transitorio"]


def test_heading_with_degree_sign_and_inline_text_is_read():
    parsed = parse("Art. 1° El presente reglamento regula las compras.\nArt. 2° Las compras serán públicas.")
    assert article_labels(parsed) == ["art-1", "art-2"] and parsed.problems == []
    assert parsed.articles()[1].text == "Las compras serán públicas."


# --- Nothing is saved ---------------------------------------------------------------------------


MALFORMED = "Artículo 1°.- Uno.\nArtículo 1°.- Otra vez.\nArtículo 5x.- Malo.\nArtículo 2°.- Dos."


def test_create_draft_with_malformed_text_saves_nothing(db):
    regulation = Regulation.objects.create(name="Reglamento")
    with pytest.raises(ParseFailed) as raised:
        version_actions.create_draft(regulation, MALFORMED, effective_from="2024-01-01")
    assert [(problem.line, problem.text) for problem in raised.value.problems] == [
        (2, "Artículo 1°.- Otra vez."),
        (3, "Artículo 5x.- Malo."),
    ]
    assert not Version.objects.exists()
    assert not Provision.objects.exists()


def test_replace_text_with_malformed_text_keeps_the_draft_as_it_was(db):
    regulation = Regulation.objects.create(name="Reglamento")
    draft = version_actions.create_draft(regulation, "Artículo 1°.- Uno.\nArtículo 2°.- Dos.", effective_from="2024-01-01")
    with pytest.raises(ParseFailed):
        version_actions.replace_text(draft, MALFORMED)
    draft.refresh_from_db()
    assert draft.source_text == "Artículo 1°.- Uno.\nArtículo 2°.- Dos."
    assert list(draft.provisions.values_list("label", "text")) == [("art-1", "Uno."), ("art-2", "Dos.")]
    assert Version.objects.count() == 1


def test_parse_itself_saves_nothing(db):
    parse("TÍTULO I\nDE LO GENERAL\nArtículo 1°.- Uno.")
    assert not Provision.objects.exists()


def test_create_draft_saves_the_tree_in_document_order(db):
    regulation = Regulation.objects.create(name="Reglamento")
    version = version_actions.create_draft(
        regulation,
        "VISTOS: la ley.\nTÍTULO I\nDE LO GENERAL\nPárrafo 1°\nDel objeto\nArtículo 1°.- Uno.\nSegundo inciso.\n"
        "ANEXO N° 1\nFORMULARIO\nFirma.",
        effective_from="2024-01-01",
    )
    assert version.preamble == "VISTOS: la ley."
    rows = list(version.provisions.order_by("position").values_list("label", "parent__label", "heading", "text"))
    assert rows == [
        ("titulo-1", None, "DE LO GENERAL", ""),
        ("titulo-1-parrafo-1", "titulo-1", "Del objeto", ""),
        ("art-1", "titulo-1-parrafo-1", "", "Uno.\nSegundo inciso."),
        ("anexo-1", None, "FORMULARIO", "Firma."),
    ]


# --- The demo texts -----------------------------------------------------------------------------


def numbered(count):
    return [f"art-{number}" for number in range(1, count + 1)]


REGLAMENTO_TITLES = ["titulo-1", "titulo-2", "titulo-3", "titulo-4", "titulo-5", "titulo-6", "titulo-final"]


@pytest.mark.parametrize(
    "name, permanent, transitory, annexes, sections",
    [
        (
            "reglamento-v1.txt",
            numbered(41),
            ["art-1-transitorio", "art-2-transitorio"],
            ["anexo-1"],
            REGLAMENTO_TITLES,
        ),
        (
            "reglamento-v2.txt",
            [label for label in numbered(41) if label != "art-11"][:11] + ["art-12-bis"] + numbered(41)[12:],
            ["art-1-transitorio", "art-2-transitorio"],
            ["anexo-1"],
            REGLAMENTO_TITLES,
        ),
        (
            "reglamento-v3.txt",
            [label for label in numbered(41) if label != "art-11"][:11]
            + ["art-12-bis"]
            + numbered(35)[12:]
            + ["art-35-bis"]
            + numbered(41)[35:],
            ["art-1-transitorio", "art-2-transitorio", "art-3-transitorio"],
            ["anexo-1"],
            REGLAMENTO_TITLES,
        ),
        (
            "manual-v1.txt",
            numbered(16),
            ["art-unico-transitorio"],
            ["anexo-1"],
            ["capitulo-1", "capitulo-2", "capitulo-3", "capitulo-4"],
        ),
    ],
)
def test_demo_texts_parse_without_problems(name, permanent, transitory, annexes, sections):
    parsed = parse((DEMO_TEXTS / name).read_text(encoding="utf-8"))
    assert parsed.problems == []
    articles = parsed.articles()
    assert [article.label for article in articles if not article.transitory] == permanent
    assert [article.label for article in articles if article.transitory] == transitory
    assert labels(parsed, ANNEX) == annexes
    assert [node.label for node in parsed.nodes if node.kind in (TITLE, CHAPTER)] == sections
    assert parsed.preamble.startswith(("REGLAMENTO DE COMPRAS", "MANUAL DE PROCEDIMIENTOS"))
    assert "Artículo" not in parsed.preamble.split("\n")[0]
    assert all(article.text for article in articles)


def test_demo_counts_match_changes_md():
    """CHANGES.md's table: 41/41/42 permanent articles, 2/2/3 transitory, 16 + 1 in the manual."""
    counts = {}
    for name in ("reglamento-v1.txt", "reglamento-v2.txt", "reglamento-v3.txt", "manual-v1.txt"):
        articles = parse((DEMO_TEXTS / name).read_text(encoding="utf-8")).articles()
        counts[name] = (sum(not a.transitory for a in articles), sum(a.transitory for a in articles))
    assert counts == {
        "reglamento-v1.txt": (41, 2),
        "reglamento-v2.txt": (41, 2),
        "reglamento-v3.txt": (42, 3),
        "manual-v1.txt": (16, 1),
    }


def test_demo_reglamento_parrafos_restart_in_each_titulo():
    parsed = parse((DEMO_TEXTS / "reglamento-v1.txt").read_text(encoding="utf-8"))
    paragraphs = labels(parsed, PARAGRAPH)
    assert len(paragraphs) == len(set(paragraphs)) == 9
    assert {label.split("-parrafo-")[0] for label in paragraphs} == {"titulo-2", "titulo-3", "titulo-4", "titulo-5"}
    article_4 = next(article for article in parsed.articles() if article.label == "art-4")
    assert article_4.text_lines[0] == "Definiciones. Para efectos del presente reglamento, se entenderá por:"
    assert [line[:2] for line in article_4.text_lines[1:]] == [f"{letter})" for letter in "abcdefghijklm"]


def test_a_lettered_annex_keeps_its_letter():
    parsed = parse("Artículo 1°.- Uno.\nANEXO C\nFORMULARIO\nNombre\nANEXO II\nOTRO\nTexto")

    assert [node.label for node in parsed.nodes if node.kind == "annex"] == ["anexo-c", "anexo-2"]
    assert parsed.nodes[1].text == "Nombre"


def test_an_annex_keeps_its_lines_as_they_are():
    parsed = parse("Artículo 1°.- Uno.\nANEXO N° 1\nFORMULARIO\nNombre del proveedor\nRUT\nFirma")

    assert parsed.nodes[-1].text_lines == ["Nombre del proveedor", "RUT", "Firma"]


def test_an_absurdly_long_article_number_is_reported_not_stored():
    line = "Artículo " + "9" * 5000 + ".- Texto."
    parsed = parse("Artículo 1°.- Uno.\n" + line)

    assert problem_lines(parsed) == [(2, line)]
