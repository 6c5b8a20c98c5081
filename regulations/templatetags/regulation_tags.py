"""Rendering an article's text as incisos, with the letras and numbered items under each."""

from django import template

from ..parsing import LIST_ITEM

register = template.Library()


@register.filter
def incisos(provision):
    """[{"id", "text", "items": [{"id", "text"}]}]: anchors like art-12-inciso-2 and art-12-inciso-2-b for citing."""
    result = []
    for line in provision.text.splitlines():
        marker = LIST_ITEM.match(line)
        if marker and result:
            inciso = result[-1]
            key = marker.group(0).strip(" ).").lower()
            if not key.isalnum():  # a bullet: number it
                key = str(len(inciso["items"]) + 1)
            inciso["items"].append({"id": f"{inciso['id']}-{key}", "text": line})
        else:
            result.append({"id": f"{provision.label}-inciso-{len(result) + 1}", "text": line, "items": []})
    return result
