"""A comparison's redline, rendered for readers and screen readers."""

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext

register = template.Library()


@register.simple_tag
def redline(segments):
    """Deletions and insertions marked in the text, named for screen readers (not by colour alone).

    The names are in the reader's language, inside a text that may be in another. A changed
    inciso break shows as a pilcrow, named "paragraph break"; a changed space alone is not marked.
    """
    language = get_language()
    parts = []
    for segment in segments:
        if segment.operation == "equal" or (not segment.text.strip() and "\n" not in segment.text):
            parts.append(conditional_escape(segment.text) if segment.operation != "delete" else "")
            continue
        tag, label = ("del", gettext("deleted:")) if segment.operation == "delete" else ("ins", gettext("inserted:"))
        if segment.text.strip():
            content = conditional_escape(segment.text)
        else:
            content = format_html(
                '<span aria-hidden="true">¶</span><span class="visually-hidden" lang="{}">{}</span>',
                language,
                gettext("paragraph break"),
            )
        parts.append(
            format_html(
                '<{tag}><span class="visually-hidden" lang="{language}">[{label} </span>{content}'
                '<span class="visually-hidden">]</span></{tag}>{after}',
                tag=tag,
                language=language,
                label=label,
                content=content,
                after="\n" if tag == "ins" and not segment.text.strip() else "",
            )
        )
    # Safe to mark (bandit B308/B703): every part was built by format_html or conditional_escape above.
    return mark_safe("".join(str(part) for part in parts))  # nosec B308, B703
