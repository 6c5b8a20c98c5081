"""The forms transparency officers fill in the admin: import a month, publish it, edit its rows."""

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import columns as column_types
from .models import first_of_month
from .obligations import previous_month

MAX_UPLOAD_SIZE = 64 * 1024 * 1024
MONTH_FORMAT = "%Y-%m"
SPREADSHEET_EXTENSIONS = (".xlsx", ".xlsm", ".xls", ".ods", ".numbers")


class MonthInput(forms.DateInput):
    """A browser month picker; browsers without one show a text box that takes 2026-03."""

    input_type = "month"

    def __init__(self, attrs=None):
        super().__init__(attrs={"placeholder": "2026-03", **(attrs or {})}, format=MONTH_FORMAT)


class MonthField(forms.DateField):
    """A month, as the first day of that month; months that have not started yet are refused."""

    widget = MonthInput
    default_error_messages = {
        "invalid": _("Enter a month as year and month, e.g. 2026-03."),
        "future": _("%(month)s has not started yet."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("input_formats", [MONTH_FORMAT])
        kwargs.setdefault("help_text", _("The month the information is about."))
        super().__init__(**kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        return first_of_month(value) if value else value

    def validate(self, value):
        super().validate(value)
        if value and value > first_of_month(timezone.localdate()):
            raise forms.ValidationError(
                self.error_messages["future"], code="future", params={"month": f"{value:{MONTH_FORMAT}}"}
            )


class ImportCSVForm(forms.Form):
    month = MonthField(label=_("Month"))
    file = forms.FileField(
        label=_("CSV file"),
        widget=forms.FileInput(attrs={"accept": ".csv,text/csv,.txt,text/plain"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _(
            "Save the spreadsheet as CSV (comma or semicolon separated, UTF-8 or Windows encoding); "
            "its first row must name the columns. Files of up to %(limit)s."
        ) % {"limit": filesizeformat(MAX_UPLOAD_SIZE)}

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_SIZE:
            raise forms.ValidationError(
                _("The file is %(size)s; files of up to %(limit)s can be imported."),
                code="too_large",
                params={"size": filesizeformat(upload.size), "limit": filesizeformat(MAX_UPLOAD_SIZE)},
            )
        if upload.name.lower().endswith(SPREADSHEET_EXTENSIONS):
            raise forms.ValidationError(
                _(
                    "This is a spreadsheet file, not CSV: open it and save it as CSV "
                    "(File → Save as → CSV), then import that file."
                ),
                code="spreadsheet",
            )
        return upload


class NoMovementsForm(forms.Form):
    month = MonthField(label=_("Month"))
    note = forms.CharField(
        label=_("Note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Optional. If the month is already published, say why it is now published as having no movements: "
            "the note is shown beside both versions."
        ),
    )


class PublishForm(forms.Form):
    """Publishing a draft. When the month is already public the draft is a correction, which needs a note:
    snapshots.publish() refuses one without, and its message is shown on the field."""

    note = forms.CharField(
        label=_("What was corrected"),
        required=False,  # required for corrections, which snapshots.publish() checks
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required for a correction. Shown to the public beside both versions of the month."),
    )

    def __init__(self, *args, is_correction=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.is_correction = is_correction
        if not is_correction:
            del self.fields["note"]  # a first version corrects nothing


class RowForm(forms.Form):
    """One row of a draft: a text box per column of the snapshot, read as its column's type."""

    def __init__(self, *args, columns, headers, values=None, **kwargs):
        if values is not None:
            kwargs.setdefault(
                "initial", {column["key"]: column_types.to_text(values.get(column["key"])) for column in columns}
            )
        super().__init__(*args, **kwargs)
        self.columns = columns
        for column, header in zip(columns, headers):
            self.fields[column["key"]] = forms.CharField(
                label=header,
                required=column["required"],
                max_length=column_types.MAX_TEXT_LENGTH,
                help_text=column_types.ColumnType(column["type"]).label,
                widget=forms.TextInput(attrs={"inputmode": input_mode(column["type"])}),
            )

    def clean(self):
        cleaned_data = super().clean()
        self.values = {}
        for column in self.columns:
            key = column["key"]
            if key not in cleaned_data:
                continue  # already has an error (e.g. a required column left empty)
            raw = cleaned_data[key]
            try:
                self.values[key] = column_types.parse(column["type"], raw)
            except column_types.InvalidValue as problem:
                self.add_error(key, _('"%(value)s" %(problem)s') % {"value": raw, "problem": problem})
        return cleaned_data


def input_mode(column_type):
    return {
        column_types.ColumnType.INTEGER: "numeric",
        column_types.ColumnType.MONEY: "numeric",
        column_types.ColumnType.URL: "url",
        column_types.ColumnType.EMAIL: "email",
    }.get(column_type, "text")


def default_month(today=None):
    """The month whose information is due now: the one just ended."""
    return previous_month(today or timezone.localdate())


