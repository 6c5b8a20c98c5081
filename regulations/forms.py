"""The forms regulation editors fill in the admin: a version's details, and a draft's text pasted or uploaded."""

import codecs

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.documents.widgets import AdminDocumentChooser

from .models import Version

MAX_UPLOAD_SIZE = 2 * 1024 * 1024
DETAIL_FIELDS = ["act_type", "act_number", "act_date", "act_url", "summary", "official_pdf"]


def decode_text(data):
    """UTF-8 (with or without the BOM Notepad writes), UTF-16 with its BOM (Notepad's "Unicode"), else
    Windows' cp1252; None when it is none of them."""
    encodings = ("utf-16",) if data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE) else ("utf-8-sig", "cp1252")
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return None if "\x00" in text else text
    return None


class VersionDetailsForm(WagtailAdminModelForm):
    """What may change in a published version: its date and text are cited, so they never change."""

    class Meta(WagtailAdminModelForm.Meta):  # its formfield_callback gives Wagtail's date pickers
        model = Version
        fields = DETAIL_FIELDS
        widgets = {"official_pdf": AdminDocumentChooser}

    def save_details(self):
        """Only this form's fields: the rest of the row may have changed since the form was shown (a publication)."""
        self.instance.save(update_fields=[*self._meta.fields, "updated_at"])

    def details(self):
        return {name: self.cleaned_data[name] for name in self._meta.fields}


class VersionForm(VersionDetailsForm):
    """A draft: its date, its details and its text, pasted in the box or uploaded as a .txt file."""

    text = forms.CharField(
        label=_("Text"),
        required=False,  # or the file: clean() requires one of them
        strip=False,
        widget=forms.Textarea(attrs={"rows": 30, "spellcheck": "false"}),
        help_text=_(
            "The whole text as the official PDF prints it, from the preamble to the last annex, "
            "each article starting on its own line (“Artículo 1°.-”)."
        ),
    )
    text_file = forms.FileField(
        label=_("Or a text file"),
        required=False,
        widget=forms.FileInput(attrs={"accept": ".txt,text/plain"}),
    )

    class Meta(VersionDetailsForm.Meta):
        fields = ["effective_from", *DETAIL_FIELDS]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text_file"].help_text = _(
            "A plain text file (.txt, UTF-8 or Windows encoding) of up to %(limit)s; it replaces the text in the box."
        ) % {"limit": filesizeformat(MAX_UPLOAD_SIZE)}

    def clean_text_file(self):
        """The uploaded file's text, or None when no file was chosen."""
        upload = self.cleaned_data["text_file"]
        if not upload:
            return None
        if upload.size > MAX_UPLOAD_SIZE:
            raise forms.ValidationError(
                _("The file is %(size)s; files of up to %(limit)s can be read."),
                code="too_large",
                params={"size": filesizeformat(upload.size), "limit": filesizeformat(MAX_UPLOAD_SIZE)},
            )
        text = decode_text(upload.read()) if upload.name.lower().endswith(".txt") else None
        if text is None:
            raise forms.ValidationError(
                _(
                    "This is not a plain text file. Open the document, copy its whole text and paste it in the box, "
                    "or save it as plain text (.txt) and upload that."
                ),
                code="not_text",
            )
        return text

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("text_file"):
            cleaned_data["text"] = cleaned_data["text_file"]
        elif not cleaned_data.get("text", "").strip() and "text_file" not in self.errors and "text" not in self.errors:
            self.add_error("text", forms.ValidationError(_("Paste the text or upload a .txt file."), code="required"))
        return cleaned_data

    def refilled(self):
        """An unbound copy holding the cleaned values, an uploaded file's text in the box: to show again or carry hidden."""
        initial = {name: value for name, value in self.cleaned_data.items() if name != "text_file"}
        return type(self)(instance=self.instance, initial=initial)
