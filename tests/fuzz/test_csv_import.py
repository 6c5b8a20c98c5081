"""A transparency officer's CSV, generated: encodings, byte-order marks, delimiters, quoting,
ragged rows, huge cells, numbers and dates of every shape, arbitrary bytes. Either every row is
imported, or ImportFailed says which row or column is wrong and the database is as it was."""

import codecs
import csv
import datetime
import io
import re

from django.utils import translation
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from transparency import snapshots
from transparency.csv_io import ImportFailed
from transparency.models import Snapshot, SnapshotRow

from .strategies import hostile_text

MONTH = datetime.date(2026, 3, 1)
# Every message names a row or a column, or is about the file as a whole.
CLEAR_ERROR = re.compile(
    r'row \d+(, column "| has |: the file cannot be read)|column ".*" (is not part|appears twice)'
    r"|the required columns? .* (is|are) missing|The file (is empty|has a header but no rows)",
    re.S,
)
HEADERS = {
    "nombre": ["Nombre completo", "NOMBRE COMPLETO", "Full name", "nombre"],
    "grado": ["Grado", "grade", "GRADO"],
    "remuneracion_bruta": ["Remuneración bruta", "remuneracion  bruta", "Gross pay", "remuneracion_bruta"],
    "fecha_inicio": ["Fecha de inicio", "Start date"],
    "enlace": ["Enlace", "Link"],
    "correo": ["Correo", "E-mail"],
}
digits = st.text("0123456789", min_size=1, max_size=25)
# What an officer should write: a table of these imports (long texts, any script, all formats).
VALID_CELLS = {
    "nombre": st.text(min_size=1).filter(lambda name: name.strip() and "\x00" not in name and len(name.strip()) <= 2000),
    "grado": st.one_of(st.integers(-(10**17), 10**17).map(str), st.from_regex(r"\d{1,3}(\.\d{3}){1,4}", fullmatch=True)),
    "remuneracion_bruta": st.from_regex(r" ?-?\$? ?\d{1,3}(\.\d{3}){0,4}(,00?)?( CLP)? ?", fullmatch=True),
    "fecha_inicio": st.dates(datetime.date(1900, 1, 1), datetime.date(2100, 12, 31)).flatmap(
        lambda day: st.sampled_from([str(day), f"{day:%d-%m-%Y}", f"{day:%d/%m/%Y}"])
    ),
    "enlace": st.from_regex(r"https?://[a-z]{1,10}\.cl(/[a-z0-9]{0,10})?", fullmatch=True),
    "correo": st.from_regex(r"[a-z]{1,10}@example\.cl", fullmatch=True),
}
REQUIRED = ["nombre", "remuneracion_bruta"]
# What an officer may write by mistake, or a bot on purpose.
HOSTILE_CELLS = {
    "grado": st.one_of(digits, hostile_text),
    "remuneracion_bruta": st.one_of(digits, st.sampled_from(["1e9", "1,5", "NaN", "-0", "$", "1.2.3", ""]), hostile_text),
    "fecha_inicio": st.one_of(st.sampled_from(["31-02-2025", "2025-13-01", "0000-01-01", "29/02/2023"]), hostile_text),
    "enlace": st.one_of(st.sampled_from(["ftp://x", "javascript:alert(1)", "https://"]), hostile_text),
    "correo": st.one_of(st.sampled_from(["ana@", "@x.cl"]), hostile_text),
}
ENCODINGS = ["utf-8", "utf-8-sig", "cp1252", "utf-16"]


def cell(key, clean):
    valid = VALID_CELLS[key] if key in REQUIRED else st.one_of(st.sampled_from(["", " "]), VALID_CELLS[key])
    return valid if clean else st.one_of(valid, HOSTILE_CELLS.get(key, hostile_text))


@st.composite
def tables(draw):
    """(header cells, column keys, rows of cells). A clean table has the required columns and valid
    cells; any other may miss columns, repeat them, add an unknown one, hold anything in a cell
    or have more cells in a row than the header names."""
    clean = draw(st.booleans())
    optional = draw(st.lists(st.sampled_from([key for key in HEADERS if key not in REQUIRED]), unique=True))
    keys = draw(st.permutations(REQUIRED + optional))
    if not clean:
        keys = draw(st.lists(st.sampled_from(list(HEADERS)), min_size=1, max_size=7)) + draw(st.sampled_from([[], [None]]))
    header = [draw(hostile_text) if key is None else draw(st.sampled_from(HEADERS[key])) for key in keys]
    row = st.tuples(*(hostile_text if key is None else cell(key, clean) for key in keys)).map(list)
    extra = st.lists(st.sampled_from(["", " "] if clean else ["", " ", "extra"]), max_size=2)
    rows = draw(st.lists(st.builds(list.__add__, row, extra), max_size=8))
    return header, keys, rows


@st.composite
def csv_files(draw):
    """The file's bytes, and the table it holds when it is written the way it says."""
    header, keys, rows = draw(tables())
    buffer = io.StringIO()
    csv.writer(
        buffer,
        delimiter=draw(st.sampled_from([",", ";", "\t"])),
        quoting=draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL])),
        lineterminator=draw(st.sampled_from(["\n", "\r\n"])),
    ).writerows([header, *rows])
    encoding = draw(st.sampled_from(ENCODINGS))
    return buffer.getvalue().encode(encoding, errors="replace"), encoding, keys, rows


def example_file(header, *rows, delimiter=",", encoding="utf-8"):
    """A hand-written file for @example, with the table it holds (cells as written: quotes are not undone)."""
    text = "".join(delimiter.join(cells) + "\r\n" for cells in [header.split(delimiter), *rows])
    unquoted = [[cell.strip('"').replace('""', '"') for cell in cells] for cells in rows]
    return text.encode(encoding), encoding, ["nombre", "remuneracion_bruta"], unquoted


def database_state():
    return (
        list(Snapshot.objects.order_by("pk").values_list("pk", "version", "row_count", "source_name", "no_movements")),
        list(SnapshotRow.objects.order_by("pk").values_list("pk", "snapshot_id", "position", "values")),
    )


def check_import(dataset, data):
    """Import `data`; the draft when it was imported, None when refused (with the database untouched)."""
    before = database_state()
    try:
        with translation.override("en"):
            draft = snapshots.import_csv(dataset, MONTH, data, source_name="fuzz.csv")
    except ImportFailed as failure:
        assert failure.errors and all(CLEAR_ERROR.match(error) for error in failure.errors), failure.errors
        assert database_state() == before
        event("refused")
        return None
    assert draft.row_count == draft.rows.count() > 0
    stored = [value for values in draft.rows.values_list("values", flat=True) for value in values.values()]
    assert not any("\x00" in str(value) for value in stored)  # PostgreSQL refuses it in JSON
    assert dataset.snapshots.drafts().filter(period=MONTH).get() == draft
    event("imported")
    return draft


@given(file=csv_files())
@example(file=example_file("Nombre completo;Remuneración bruta", ["Ana", "9" * 5000], delimiter=";"))
@example(file=example_file("Nombre completo,Remuneración bruta", ["Ana\x00", "1.000"], encoding="cp1252"))
@example(file=example_file("Nombre completo,Remuneración bruta", ["Ana", "1" * 200_000]))  # over csv's cell limit
@example(file=example_file('"Nombre completo","Gross pay"', ['"Ana ""la"" Pérez"', '"$ 1.000"'], ["", "", ""], encoding="utf-8-sig"))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
def test_a_generated_csv_is_imported_whole_or_not_at_all(dataset, file):
    data, encoding, keys, rows = file
    draft = check_import(dataset, data)
    if draft is not None and encoding.startswith("utf-8"):  # read as written: every row, every value
        written = [row for row in rows if any(cell.strip() for cell in row)]
        assert draft.row_count == len(written)
        names = [row.values["nombre"] for row in draft.rows.order_by("position")]
        assert names == [row[keys.index("nombre")].strip() for row in written]


@given(data=st.one_of(st.binary(max_size=2000), st.text().map(str.encode)))
@example(data=b"")
@example(data=codecs.BOM_UTF8)
@example(data=b"\xff\xfeN\x00o\x00m\x00b\x00r\x00e\x00")
@example(data=b'Nombre completo,Remuneraci\xc3\xb3n bruta\n"Ana,1000\n')
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_arbitrary_bytes_are_refused_clearly(dataset, data):
    check_import(dataset, data)
