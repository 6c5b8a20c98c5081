"""Public holidays as officers keep them in the transparency settings, and the working days they leave."""

import datetime

from django.utils.translation import gettext as _

# Chile's public holidays, as a starting list: officers keep it current in the admin
# (Settings → Transparency settings), e.g. when an election day is declared a holiday.
CHILEAN_HOLIDAYS = """\
2025-01-01 Año Nuevo
2025-04-18 Viernes Santo
2025-04-19 Sábado Santo
2025-05-01 Día Nacional del Trabajo
2025-05-21 Día de las Glorias Navales
2025-06-20 Día Nacional de los Pueblos Indígenas
2025-06-29 San Pedro y San Pablo
2025-07-16 Día de la Virgen del Carmen
2025-08-15 Asunción de la Virgen
2025-09-18 Independencia Nacional
2025-09-19 Día de las Glorias del Ejército
2025-10-12 Encuentro de Dos Mundos
2025-10-31 Día de las Iglesias Evangélicas y Protestantes
2025-11-01 Día de Todos los Santos
2025-11-16 Elección presidencial y parlamentaria
2025-12-08 Inmaculada Concepción
2025-12-14 Segunda vuelta presidencial
2025-12-25 Navidad
2026-01-01 Año Nuevo
2026-04-03 Viernes Santo
2026-04-04 Sábado Santo
2026-05-01 Día Nacional del Trabajo
2026-05-21 Día de las Glorias Navales
2026-06-21 Día Nacional de los Pueblos Indígenas
2026-06-29 San Pedro y San Pablo
2026-07-16 Día de la Virgen del Carmen
2026-08-15 Asunción de la Virgen
2026-09-18 Independencia Nacional
2026-09-19 Día de las Glorias del Ejército
2026-10-12 Encuentro de Dos Mundos
2026-10-31 Día de las Iglesias Evangélicas y Protestantes
2026-11-01 Día de Todos los Santos
2026-12-08 Inmaculada Concepción
2026-12-25 Navidad
"""


def parse_holidays(text):
    """{date: name} from one "YYYY-MM-DD name" per line; ValueError names the first bad line."""
    holidays = {}
    for number, line in enumerate((text or "").splitlines(), start=1):
        day, _space, name = line.strip().partition(" ")
        if not day:
            continue
        try:
            holidays[datetime.date.fromisoformat(day)] = name.strip()
        except ValueError:
            raise ValueError(
                _('Line %(number)s: "%(day)s" is not a date written as YYYY-MM-DD.') % {"number": number, "day": day}
            ) from None
    return holidays


def is_working_day(day, holidays):
    return day.weekday() < 5 and day not in holidays


def nth_working_day(month_start, n, holidays):
    """The n-th working day of the month that starts on `month_start` (n ≥ 1)."""
    day = month_start
    counted = 0
    while True:
        if is_working_day(day, holidays):
            counted += 1
            if counted == n:
                return day
        day += datetime.timedelta(days=1)
