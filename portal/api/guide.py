"""The journalists' guide to the API (docs/api.md) as a page of the site, linked from every footer:
the same text the repository keeps, so the guide and its tested examples cannot drift apart."""

from functools import lru_cache

import markdown
from django.conf import settings
from django.template.response import TemplateResponse
from django.utils.safestring import mark_safe

GUIDE = settings.BASE_DIR / "docs" / "api.md"


@lru_cache(maxsize=1)
def guide_html():
    # Safe to mark (bandit B308/B703): the project's own docs/api.md, a file in the repository, never input.
    return mark_safe(markdown.markdown(GUIDE.read_text(encoding="utf-8"), extensions=["fenced_code", "tables", "toc"]))  # nosec B308, B703


def api_guide(request):
    return TemplateResponse(request, "portal/api_guide.html", {"guide": guide_html()})
