"""Chilean number format for Spanish pages: 1.234.567 (Django's generic Spanish groups with a space)."""

DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
NUMBER_GROUPING = 3
