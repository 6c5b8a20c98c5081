"""Reading an officer's CSV into typed rows (all or nothing) and writing a snapshot back as CSV.

Files come from Excel as often as from scripts: UTF-8 with or without a byte-order mark, or
Windows Latin-1 (cp1252) with semicolons. Rows are numbered as a spreadsheet shows them,
the header being row 1, so "row 14" is the line the officer sees in Excel.
"""

import codecs
import csv
import io
import unicodedata

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import columns as column_types

MAX_ERRORS_REPORTED = 50
MAX_VALUE_SHOWN = 40
DELIMITERS = (";", ",", "\t")


class ImportFailed(Exception):
    """Nothing was imported; `errors` says why, one message per problem, in file order."""

    def __init__(self, errors, more=0):
        super().__init__("; ".join(errors))
        self.errors = errors
        self.more = more  # problems found beyond those listed


def decode(data):
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def normalised(header):
    """Headers compare without case, accents or extra spaces: "Remuneración  Bruta" = "remuneracion bruta"."""
    folded = unicodedata.normalize("NFKD", header.casefold())
    return " ".join("".join(ch for ch in folded if not unicodedata.combining(ch)).replace("_", " ").split())


def header_lookup(columns):
    lookup = {}
    for column in columns:
        for name in (column["key"], *column["header"].values()):
            lookup.setdefault(normalised(name), column)
    return lookup


def shown(value):
    return value if len(value) <= MAX_VALUE_SHOWN else value[: MAX_VALUE_SHOWN - 1] + "…"


def read_rows(data, columns):
    """Rows as {column key: stored value}, or ImportFailed listing every problem found.

    A wrong header is reported on its own: until the columns are right, row errors would mislead.
    """
    text = decode(data)
    first_line = text.split("\n", 1)[0]
    delimiter = max(DELIMITERS, key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    errors = []
    try:
        header = next(reader, None)
        if not header or not any(cell.strip() for cell in header):
            raise ImportFailed([_("The file is empty: the first row must name the columns.")])
        file_columns = match_header(header, columns, errors)
        rows = []
        for row_number, cells in enumerate(reader, start=2):
            if not any(cell.strip() for cell in cells):
                continue  # spreadsheets leave blank lines at the end
            rows.append(read_row(row_number, cells, header, file_columns, columns, errors))
    except csv.Error as error:
        errors.append(_("row %(row)s: the file cannot be read as CSV (%(error)s)") % {"row": reader.line_num, "error": error})
    if errors:
        raise ImportFailed(errors[:MAX_ERRORS_REPORTED], more=max(0, len(errors) - MAX_ERRORS_REPORTED))
    if not rows:
        raise ImportFailed(
            [_("The file has a header but no rows. For a month with nothing to report, publish it as “no movements”.")]
        )
    return rows


def match_header(header, columns, errors):
    """The schema column each file column holds (None for a blank trailing header)."""
    lookup = header_lookup(columns)
    file_columns, seen = [], set()
    for name in header:
        column = lookup.get(normalised(name))
        if column is None and name.strip():
            errors.append(_('column "%(column)s" is not part of this dataset') % {"column": shown(name.strip())})
        elif column is not None and column["key"] in seen:
            errors.append(_('column "%(column)s" appears twice') % {"column": shown(name.strip())})
        if column is not None:
            seen.add(column["key"])
        file_columns.append(column)
    missing = [column for column in columns if column["required"] and column["key"] not in seen]
    if missing:
        names = ", ".join(f'"{column["header"]["es"]}"' for column in missing)
        errors.append(
            ngettext(
                "the required column %(columns)s is missing",
                "the required columns %(columns)s are missing",
                len(missing),
            )
            % {"columns": names}
        )
    if errors:
        raise ImportFailed(errors)
    return file_columns


def read_row(row_number, cells, header, file_columns, columns, errors):
    if len(cells) > len(header) and any(cell.strip() for cell in cells[len(header) :]):
        errors.append(
            _("row %(row)s has %(cells)s cells but the header names %(columns)s columns")
            % {"row": row_number, "cells": len(cells), "columns": len(header)}
        )
    row = {column["key"]: None for column in columns}
    padded = cells + [""] * (len(header) - len(cells))  # a short row leaves its last cells empty
    for name, column, raw in zip(header, file_columns, padded):
        if column is None:
            continue
        try:
            value = column_types.parse(column["type"], raw)
        except column_types.InvalidValue as problem:
            errors.append(
                _('row %(row)s, column "%(column)s": "%(value)s" %(problem)s')
                % {"row": row_number, "column": name.strip(), "value": shown(raw.strip()), "problem": problem}
            )
            continue
        if value is None and column["required"]:
            errors.append(
                _('row %(row)s, column "%(column)s": a value is required') % {"row": row_number, "column": name.strip()}
            )
        row[column["key"]] = value
    return row


def write_rows(headers, keys, rows):
    """CSV text, chunk by chunk: a byte-order mark so Excel reads the accents, then header and rows."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    yield "\ufeff"
    writer.writerow(headers)
    for count, values in enumerate(rows, start=1):
        writer.writerow([column_types.to_text(values.get(key)) for key in keys])
        if count % 1000 == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()
