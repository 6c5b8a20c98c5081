"""The note editor's form: a month picker for the edition, and the teams of the page's language."""

from django import forms
from django.db.models import Q
from django.utils import formats
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.pages import CopyForm

from portal.forms import PortalPageForm


class MonthField(forms.DateField):
    """A month ("2026-11"), kept as its first day; browsers without a month picker show a text box."""

    widget = forms.DateInput(format="%Y-%m", attrs={"type": "month"})
    input_formats = ["%Y-%m", "%Y-%m-%d"]
    default_error_messages = {"invalid": _("Enter a month as year and month, for example 2026-11.")}


class NotePageForm(PortalPageForm):
    edition_month = MonthField(
        label=_("month"),
        help_text=_("The month this edition covers, for example 2026-11. Only one edition per month in each language."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "teams" in self.fields:
            teams = self.fields["teams"].queryset
            # A draft's form is built from its revision, whose teams are a plain list, not a queryset.
            chosen = [team.pk for team in self.instance.teams.all()] if self.instance.pk else []
            locale_id = self.instance.locale_id or self.parent_page.locale_id  # a new page's preview has no locale yet
            self.fields["teams"].queryset = teams.filter(Q(locale_id=locale_id) | Q(pk__in=chosen))


class NoteCopyForm(CopyForm):
    """Copying a note (or the archive with its notes) is how an editor starts the next edition, but a
    copy keeps its language and month, which its original already holds: it may only start as a draft."""

    def clean(self):
        from .models import NotePage  # the models import this module for their forms

        cleaned_data = super().clean()
        publishing = [option for option in ("publish_copies", "alias") if cleaned_data.get(option)]
        copied_notes = NotePage.objects.descendant_of(self.page, inclusive=True)
        if not cleaned_data.get("copy_subpages"):
            copied_notes = copied_notes.filter(pk=self.page.pk)
        held = copied_notes.order_by("-edition_month").first()
        if publishing and held:
            # on the option itself: Wagtail's copy screen shows errors next to fields only
            self.add_error(
                publishing[0],
                _(
                    "A copy of a note cannot be published or aliased: “%(title)s” already holds %(month)s in "
                    "this language. Copy it as a draft, then choose its month and edition number."
                )
                % {"title": held.title, "month": formats.date_format(held.edition_month, "YEAR_MONTH_FORMAT")},
            )
        return cleaned_data
