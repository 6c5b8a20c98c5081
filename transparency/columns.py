"""Column types of a dataset: how a cell typed by an officer is read, stored, shown and exported.

Stored values are JSON-native and sort correctly in the database: whole numbers and amounts
in pesos as integers, dates as ISO strings, everything else as text; an empty cell is None.
"""

import datetime
import re

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.db import models
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

MAX_TEXT_LENGTH = 2000
# A 64-bit integer's, which databases and spreadsheets reading the exports can hold (and Python
# refuses to read numbers of over 4,300 digits at all).
MAX_DIGITS = 18

# Chilean habits first: dots group thousands, a comma starts decimals (pesos have none).
WHOLE_NUMBER = re.compile(r"-?(?:\d{1,3}(?:\.\d{3})+|\d+)")
AMOUNT = re.compile(r"-?\s*(?:\$|CLP)?\s*(-?(?:\d{1,3}(?:\.\d{3})+|\d+))(?:,0{1,2})?\s*(?:CLP)?", re.I)
DATE_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y")


class ColumnType(models.TextChoices):
    TEXT = "text", _("Text")
    INTEGER = "integer", _("Whole number")
    MONEY = "money", _("Amount in pesos (CLP)")
    DATE = "date", _("Date")
    URL = "url", _("Web address")
    EMAIL = "email", _("E-mail address")


class InvalidValue(ValueError):
    """A cell that does not hold a value of its column's type; the message says what it is not."""


def parse(column_type, raw):
    """The stored value of what an officer typed (None when empty), or InvalidValue."""
    text = (raw or "").strip()
    if not text:
        return None
    if "\x00" in text:  # PostgreSQL cannot store it in JSON
        raise InvalidValue(_("contains a null character, which cannot be stored"))
    return PARSERS[column_type](text)


def _text(text):
    if len(text) > MAX_TEXT_LENGTH:
        raise InvalidValue(_("is longer than %(limit)s characters") % {"limit": MAX_TEXT_LENGTH})
    return text


def whole_number(text):
    """The number written with optional thousands dots, or InvalidValue past MAX_DIGITS digits."""
    digits = text.replace(".", "")
    if len(digits.lstrip("-0")) > MAX_DIGITS:
        raise InvalidValue(_("has more than %(limit)s digits") % {"limit": MAX_DIGITS})
    return int(digits)


def _integer(text):
    if not WHOLE_NUMBER.fullmatch(text):
        raise InvalidValue(_("is not a whole number"))
    return whole_number(text)


def _money(text):
    match = AMOUNT.fullmatch(text)
    if not match:
        raise InvalidValue(_("is not an amount"))
    amount = whole_number(match.group(1))
    return -abs(amount) if text.lstrip().startswith("-") else amount


def _date(text):
    for date_format in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, date_format).date().isoformat()
        except ValueError:
            continue
    raise InvalidValue(_("is not a date (write it as 31-12-2025 or 2025-12-31)"))


def _validated(validator, message):
    def parse_with(text):
        try:
            validator(text)
        except ValidationError:
            raise InvalidValue(message) from None
        return text

    return parse_with


PARSERS = {
    ColumnType.TEXT: _text,
    ColumnType.INTEGER: _integer,
    ColumnType.MONEY: _money,
    ColumnType.DATE: _date,
    ColumnType.URL: _validated(
        URLValidator(schemes=["http", "https"]), _("is not a web address (starting with https://)")
    ),
    ColumnType.EMAIL: _validated(EmailValidator(), _("is not an e-mail address")),
}


def to_text(value):
    """The value as a CSV cell: what `parse` reads back to the same value."""
    return "" if value is None else str(value)


def display(column_type, value):
    """The value for a reader, in the active language's number format."""
    if value is None:
        return ""
    if column_type == ColumnType.INTEGER:
        return number_format(value, force_grouping=True)
    if column_type == ColumnType.MONEY:
        return f"$\u00a0{number_format(value, force_grouping=True)}"
    return value
