"""The "was this answer useful?" form under each answer."""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .models import COMMENT_MAX_LENGTH, AnswerFeedback


class CommentField(forms.CharField):
    """Counts a line break as one character, as the browser's maxlength does: it sends them as CRLF."""

    def to_python(self, value):
        return super().to_python(value).replace("\r\n", "\n")


class AnswerFeedbackForm(forms.ModelForm):
    useful = forms.TypedChoiceField(
        label=_("Was this answer useful?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda choice: choice == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose “Yes” or “No”.")},
    )
    comment = CommentField(
        label=_("Comment (optional)"),
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "max_length": _(
                "Your comment is too long: it has %(show_value)s characters and can have at most %(limit_value)s."
            )
        },
    )

    class Meta:
        model = AnswerFeedback
        fields = ["useful", "comment"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Formatted per form, in the reader's language: a lazy text formatted at import would be frozen.
        self.fields["comment"].help_text = gettext(
            "Up to %(limit)s characters. We do not answer here: please leave out your name, e-mail, "
            "ID number or other personal data."
        ) % {"limit": COMMENT_MAX_LENGTH}
