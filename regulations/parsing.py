"""Plain Chilean legal text → a version's tree, or the lines that could not be read.

An editor pastes the text of a regulation as the Diario Oficial or the institution's PDF
prints it:

    TÍTULO I
    DE LAS DISPOSICIONES GENERALES
    Párrafo 1°
    Del objeto
    Artículo 1°.- El presente reglamento regula…
    Segundo inciso…
    a) una letra…
    DISPOSICIONES TRANSITORIAS
    Artículo primero transitorio.- …
    ANEXO N° 1
    FORMULARIO …

Headings are recognised in their usual spellings (`Artículo 1°.-`, `Art. 2.`, `ARTÍCULO 3º:`,
`Artículo 4 bis`, `Artículo único transitorio`, `ARTÍCULO TRANSITORIO`); every article gets a
stable label (`art-12`, `art-4-bis`, `art-3-transitorio`) that stays the same across versions,
because Chilean amendments insert "bis" articles instead of renumbering. Text before the first
heading is the preamble (VISTOS, CONSIDERANDO). Lines broken by a PDF copy are joined again.

`parse` never saves anything: it returns the tree or every problem found, each with its line
number and text, so the editor can fix them all in one go.
"""

import re
import unicodedata
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

TITLE, CHAPTER, PARAGRAPH, ARTICLE, ANNEX, TRANSITORY = (
    "title",
    "chapter",
    "paragraph",
    "article",
    "annex",
    "transitory",
)

ORDINALS = {
    "primero": 1, "segundo": 2, "tercero": 3, "cuarto": 4, "quinto": 5, "sexto": 6,
    "septimo": 7, "octavo": 8, "noveno": 9, "decimo": 10, "undecimo": 11, "duodecimo": 12,
    "decimotercero": 13, "decimocuarto": 14, "decimoquinto": 15, "decimosexto": 16,
    "decimoseptimo": 17, "decimoctavo": 18, "decimonoveno": 19, "vigesimo": 20,
}  # fmt: skip
LATIN_SUFFIXES = ["bis", "ter", "quater", "quinquies", "sexies", "septies", "octies", "nonies", "decies"]
ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}

SEPARATOR = r"[.:\-–—]+"
DEGREE = r"(?:\s*[°º]|\.?o\b)?"
NUMBER_END = r"(?:\s*[°º]|\.?o\b|\b)"  # after a título's or annex's number: its sign, or the word's end
ARTICLE_WORD = r"(?:art[íi]culo|art\.)"
# A heading's own words after its number: after a separator, or bare when in capitals.
HEADING_TAIL = rf"(?:\s*{SEPARATOR}\s*(?P<heading>.*)|\s+(?P<bare>.+))?$"


ACCENTED = dict(zip("aeiou", "áéíóú"))


def accent_tolerant(word):
    """'decimo' → 'd[eé]c[ií]m[oó]': the word as typed with or without its accents."""
    return "".join(f"[{char}{ACCENTED[char]}]" if char in ACCENTED else char for char in word)


ORDINAL_WORDS = "|".join(accent_tolerant(word) for word in sorted({*ORDINALS, "unico"}, key=len, reverse=True))
TENS = {"vigesimo": 20, "trigesimo": 30, "cuadragesimo": 40, "quincuagesimo": 50}
UNITS = {word: value for word, value in ORDINALS.items() if value < 10}
# "vigésimo primero": tens and units as two words
COMPOUND_ORDINAL = (
    "(?:" + "|".join(accent_tolerant(word) for word in TENS) + r")\s+(?:" + "|".join(accent_tolerant(word) for word in UNITS) + ")"
)
ARTICLE_HEADING = re.compile(
    rf"{ARTICLE_WORD}\s*"
    rf"(?:(?P<number>\d{{1,4}}){DEGREE}|(?P<ordinal>{COMPOUND_ORDINAL}|{'|'.join(accent_tolerant(word) for word in TENS)}|{ORDINAL_WORDS})\b)?"
    rf"(?:\s+(?P<suffix>{'|'.join(accent_tolerant(suffix) for suffix in LATIN_SUFFIXES)}))?"
    r"(?:\s+(?P<transitory>transitori[oa]s?))?"
    # the text after a separator, or after a bare ordinal sign when it starts a sentence ("Art. 2° Las…")
    rf"\s*(?:{SEPARATOR}\s*(?P<rest>.*)|$|(?<=[°º])\s*(?P<text>(?-i:[A-ZÁÉÍÓÚÑ]).*))",
    re.IGNORECASE,
)
# Starts like a heading, with a separator right after its first word or after "… transitorio":
# a heading we cannot read.
ARTICLE_LIKE = re.compile(
    rf"{ARTICLE_WORD}\s*(?:[^\s.:\-–—]*|\S+(?:\s+\S+)?\s+transitori[oa])\s*{SEPARATOR}", re.IGNORECASE
)
TITLE_LINE = re.compile(rf"t[íi]tulo\s+(?P<number>[IVXLC]+|\d{{1,3}}|preliminar|final){NUMBER_END}{HEADING_TAIL}", re.IGNORECASE)
SUBDIVISION = re.compile(
    rf"(?P<kind>cap[íi]tulo|p[áa]rrafo|§)\s*(?P<number>[IVXLC]+|\d{{1,3}}|[úu]nico){NUMBER_END}{HEADING_TAIL}",
    re.IGNORECASE,
)
HEADING_LIKE = re.compile(r"(?:t[íi]tulo|cap[íi]tulo|p[áa]rrafo)\s+\S+$", re.IGNORECASE)
TRANSITORY_HEADING = re.compile(
    r"(?:disposiciones|art[íi]culos|normas)\s+transitori[ao]s\.?$|t[íi]tulo\s+transitorio\.?$", re.IGNORECASE
)
ANNEX_LINE = re.compile(
    rf"anexo(?:\s+(?:n(?:[°º]|ro\.?|\.)?\s*)?(?P<number>[IVXLC]+|\d{{1,3}}|[A-Z]){NUMBER_END})?{HEADING_TAIL}",
    re.IGNORECASE,
)
UNREADABLE_ARTICLE = _("This looks like an article heading, but its number cannot be read.")
UNREADABLE_HEADING = _("This looks like a heading, but its number cannot be read.")
NULL_CHARACTER = _("This line contains an invisible null character, which cannot be stored: type the line again.")
LIST_ITEM = re.compile(r"(?:[a-zñ]|\d{1,2})[).]\s|[-•]\s", re.IGNORECASE)
ENDS_PARAGRAPH = (".", ":", ";")


@dataclass
class Node:
    """A título, capítulo, párrafo, article or annex; `text` holds an article's incisos, one per line."""

    kind: str
    number: str
    label: str
    line: int
    heading: str = ""
    transitory: bool = False
    text_lines: list = field(default_factory=list)
    children: list = field(default_factory=list)

    @property
    def text(self):
        return "\n".join(self.text_lines)

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class Problem:
    line: int  # 0 when the problem is the text as a whole
    text: str
    message: str


@dataclass
class ParsedText:
    preamble: str = ""
    nodes: list = field(default_factory=list)  # top-level nodes, in document order
    problems: list = field(default_factory=list)

    @property
    def ok(self):
        return not self.problems

    def walk(self):
        for node in self.nodes:
            yield from node.walk()

    def articles(self):
        return [node for node in self.walk() if node.kind == ARTICLE]


class ParseFailed(Exception):
    def __init__(self, problems):
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems


def slug(value):
    # The headings' patterns ignore case as Unicode does, reading a Turkish dotless "ı" as "i".
    folded = unicodedata.normalize("NFKD", value.replace("ı", "i")).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")


def roman_to_int(numeral):
    total = 0
    values = [ROMAN_VALUES[char] for char in numeral.upper()]
    for value, following in zip(values, values[1:] + [0]):
        total += -value if value < following else value
    return total


def int_to_roman(value):
    if value <= 0:
        raise ValueError(value)
    numerals = [(100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    result = ""
    for amount, numeral in numerals:
        count, value = divmod(value, amount)
        result += numeral * count
    return result


def section_number(raw):
    """'II' → '2', '3' → '3', 'PRELIMINAR' → 'preliminar'; None when a roman numeral is malformed."""
    if raw.isdigit():
        return str(int(raw))
    if re.fullmatch(r"[IVXLC]+", raw.upper()) and raw.isupper():
        value = roman_to_int(raw)
        return str(value) if int_to_roman(value) == raw.upper() else None
    return slug(raw)


def article_number(match):
    """The number an article heading gives it, as labels and citations use it: '12', '4 bis', 'único'."""
    if match["number"]:
        number = str(int(match["number"]))
    elif match["ordinal"]:
        words = slug(match["ordinal"]).split("-")
        if words == ["unico"]:
            number = "único"
        else:
            number = str(sum(TENS.get(word) or ORDINALS[word] for word in words))
    elif match["transitory"]:  # "ARTÍCULO TRANSITORIO": the only one
        number = "único"
    else:
        return None
    if match["suffix"]:
        number += " " + slug(match["suffix"])
    return number


def sort_key(number):
    """Articles must come in order: 4, 4 bis, 4 ter, 5."""
    base, _space, suffix = number.partition(" ")
    if not base.isdigit():
        return None
    return int(base), LATIN_SUFFIXES.index(suffix) + 1 if suffix else 0


def article_label(number, transitory):
    return "art-" + slug(number) + ("-transitorio" if transitory else "")


def is_uppercase_heading(line):
    letters = [char for char in line if char.isalpha()]
    return bool(letters) and all(char.isupper() for char in letters)


def heading_goes_on(node, line):
    """A heading wrapped by a PDF copy: capitals go on a título's or annex's heading, lowercase on a título's."""
    return is_uppercase_heading(line) or (node.kind != ANNEX and line[0].islower())


def heading_match(pattern, line):
    """A structural heading, unless the words after its number, with no separator, are sentence text."""
    match = pattern.fullmatch(line)
    if match and match["bare"] and not is_uppercase_heading(match["bare"]):
        return None
    return match


def heading_text(match):
    return match["heading"] or match["bare"] or ""


class Parser:
    """One pass over the lines, keeping the open título, subdivision, article or annex."""

    def __init__(self):
        self.result = ParsedText()
        self.preamble_lines = []
        self.title = self.subdivision = self.current = None
        self.awaiting_heading = None  # a título or subdivision whose heading is on the next line
        self.heading_open = None  # one whose heading may go on over the next line (a PDF's wrap)
        self.transitory = False
        self.labels = {}
        self.last_article = {False: None, True: None}  # (sort key, number, line) per kind
        self.paragraph_open = False

    def problem(self, line_number, line, message):
        self.result.problems.append(Problem(line_number, line, str(message)))

    def parse(self, text):
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        for line_number, raw in enumerate(lines, start=1):
            line = " ".join(raw.replace("\u00a0", " ").replace("\ufeff", "").split())
            if not line:
                self.paragraph_open = False
                continue
            if "\x00" in line:  # PostgreSQL cannot store it
                self.problem(line_number, line.replace("\x00", ""), NULL_CHARACTER)
                continue
            self.read(line_number, line)
        self.finish()
        return self.result

    def read(self, number, line):
        starts_upper = line[0].isupper() or line[0] == "§"
        if starts_upper:
            if match := ARTICLE_HEADING.fullmatch(line):
                return self.open_article(number, line, match)
            if ARTICLE_LIKE.match(line):
                return self.problem(number, line, UNREADABLE_ARTICLE)
            if TRANSITORY_HEADING.fullmatch(line):
                return self.open_transitory(number, line)
            if match := heading_match(TITLE_LINE, line):
                return self.open_title(number, line, match)
            if match := heading_match(SUBDIVISION, line):
                return self.open_subdivision(number, line, match)
            if (match := heading_match(ANNEX_LINE, line)) and (match["number"] or is_uppercase_heading(line)):
                return self.open_annex(number, line, match)
            if HEADING_LIKE.fullmatch(line):
                return self.problem(number, line, UNREADABLE_HEADING)
        if self.heading_open is not None:
            node, self.heading_open = self.heading_open, None
            if heading_goes_on(node, line):
                node.heading = f"{node.heading} {line}"
                self.heading_open = node
                return None
        if self.awaiting_heading is not None:
            node, self.awaiting_heading = self.awaiting_heading, None
            if node.kind != ANNEX or is_uppercase_heading(line):
                node.heading = line
                self.heading_open = node
                return None
        if self.current is not None:
            return self.add_text(line)
        if not self.result.nodes:
            self.preamble_lines.append(line)
            return None
        return self.problem(number, line, _("This text is outside any article: is an article heading missing above it?"))

    def add_text(self, line):
        """Join a line broken by a PDF copy to its paragraph; a list item or a finished sentence starts a new one."""
        lines = self.current.text_lines
        previous = lines[-1] if lines else ""
        continues = (
            self.current.kind != ANNEX  # an annex's lines are a form's: kept as they are
            and self.paragraph_open
            and previous
            and not previous.endswith(ENDS_PARAGRAPH)
            and not LIST_ITEM.match(line)
        )
        if continues and re.search(r"\w-$", previous) and line[0].islower():
            lines[-1] = previous[:-1] + line  # a word hyphenated across lines
        elif continues:
            lines[-1] = f"{previous} {line}"
        else:
            lines.append(line)
        self.paragraph_open = True

    def register(self, node, line):
        if node.label in self.labels:
            self.problem(
                node.line,
                line,
                _("“%(label)s” appears twice (first on line %(first)s).")
                % {"label": node.label, "first": self.labels[node.label]},
            )
        else:
            self.labels[node.label] = node.line

    def close_current(self):
        if self.current is not None and self.current.kind == ARTICLE and not self.current.text_lines:
            self.problem(self.current.line, self.current_line, _("This article has no text."))
        self.current = None
        self.awaiting_heading = self.heading_open = None

    def place(self, node, parent):
        (parent.children if parent is not None else self.result.nodes).append(node)

    def open_title(self, number, line, match):
        self.close_current()
        value = section_number(match["number"])
        if value is None:
            return self.problem(number, line, UNREADABLE_HEADING)
        self.title = Node(TITLE, value, f"titulo-{value}", number, heading=heading_text(match))
        self.subdivision = None
        self.register(self.title, line)
        self.place(self.title, None)
        self.awaiting_heading = None if self.title.heading else self.title
        self.heading_open = self.title if self.title.heading else None
        return None

    def open_subdivision(self, number, line, match):
        self.close_current()
        value = section_number(match["number"])
        if value is None:
            return self.problem(number, line, UNREADABLE_HEADING)
        kind = CHAPTER if slug(match["kind"]).startswith("cap") else PARAGRAPH
        prefix = f"{self.title.label}-" if self.title is not None else ""
        word = "capitulo" if kind == CHAPTER else "parrafo"
        self.subdivision = Node(kind, value, f"{prefix}{word}-{value}", number, heading=heading_text(match))
        self.register(self.subdivision, line)
        self.place(self.subdivision, self.title)
        self.awaiting_heading = None if self.subdivision.heading else self.subdivision
        self.heading_open = self.subdivision if self.subdivision.heading else None
        return None

    def open_transitory(self, number, line):
        self.close_current()
        self.transitory = True
        self.title = Node(TRANSITORY, "", "disposiciones-transitorias", number, heading=line.rstrip("."))
        self.subdivision = None
        self.register(self.title, line)
        self.place(self.title, None)

    def open_article(self, number, line, match):
        self.close_current()
        value = article_number(match)
        if value is None:
            return self.problem(number, line, UNREADABLE_ARTICLE)
        transitory = self.transitory or bool(match["transitory"])
        node = Node(ARTICLE, value, article_label(value, transitory), number, transitory=transitory)
        self.check_order(node, line)
        self.register(node, line)
        self.place(node, self.subdivision or self.title)
        self.current, self.current_line = node, line
        if match["rest"] or match["text"]:
            node.text_lines.append(match["rest"] or match["text"])
        self.paragraph_open = True
        return None

    def check_order(self, node, line):
        key = sort_key(node.number)
        previous = self.last_article[node.transitory]
        if key is not None and previous is not None and key <= previous[0]:
            if key != previous[0]:  # the same number twice is reported as a duplicate label
                self.problem(
                    node.line,
                    line,
                    _("Article %(number)s comes after article %(previous)s (line %(line)s): check the numbering.")
                    % {"number": node.number, "previous": previous[1], "line": previous[2]},
                )
        if key is not None:
            self.last_article[node.transitory] = (key, node.number, node.line)

    def open_annex(self, number, line, match):
        self.close_current()
        raw = match["number"]
        # Roman numerals, except a single letter that is more likely a letter (ANEXO C, not annex 100).
        roman = re.fullmatch(r"[IVXLC]{2,}|[IVX]|\d+", raw or "")
        value = (section_number(raw) if roman else slug(raw)) if raw else ""
        if value is None:
            return self.problem(number, line, UNREADABLE_HEADING)
        node = Node(ANNEX, value, f"anexo-{value}" if value else "anexo", number, heading=heading_text(match))
        self.register(node, line)
        self.place(node, None)
        self.title = self.subdivision = None
        self.current, self.current_line = node, line
        self.awaiting_heading = None if node.heading else node
        self.heading_open = node if node.heading else None
        self.paragraph_open = False
        return None

    def finish(self):
        self.close_current()
        self.result.preamble = "\n".join(self.preamble_lines)
        if not self.result.articles() and not self.result.problems:
            self.problem(0, "", _("No article was found: each article must start on its own line, like “Artículo 1°.-”."))


def parse(text):
    """The tree of a version's text; `.problems` lists what could not be read (then nothing may be saved)."""
    return Parser().parse(text or "")
