"""Feed generators for Django's syndication framework, shared by every section's feeds.

`JSONFeed` writes JSON Feed 1.1 (https://jsonfeed.org/version/1.1); `FullContentAtom1Feed` is
Django's Atom 1.0 with each entry's whole text, which Django's own Atom leaves out. Besides
Django's item fields, both read these extra item keyword arguments (a `Feed` passes them from
`item_extra_kwargs`):

    content_html   the item's full HTML, links made absolute (portal.html.with_absolute_urls)
    authors        the names of the item's authors; without any, the feed's author stands
    image          absolute URL of the item's main image (JSON Feed only)
    language       the item's language code (JSON Feed only; in Atom, the feed's xml:lang says it)

An item's description is plain text: JSON Feed's "summary" as it is, escaped for Atom's
<summary type="html">.
"""

import json

from django.utils.feedgenerator import Atom1Feed, SyndicationFeed, rfc3339_date
from django.utils.html import escape


def _without_empty(fields):
    """JSON Feed leaves out what is not known rather than writing null."""
    return {key: value for key, value in fields.items() if value not in (None, "", [])}


class FullContentAtom1Feed(Atom1Feed):
    def add_item_elements(self, handler, item):
        description = item["description"] and escape(item["description"])
        super().add_item_elements(handler, {**item, "description": description})
        for name in item.get("authors") or ():
            handler.startElement("author", {})
            handler.addQuickElement("name", name)
            handler.endElement("author")
        if item.get("content_html"):
            handler.addQuickElement("content", item["content_html"], {"type": "html"})


class JSONFeed(SyndicationFeed):
    content_type = "application/feed+json; charset=utf-8"
    version = "https://jsonfeed.org/version/1.1"

    def write(self, outfile, encoding):
        outfile.write(json.dumps(self.document(), ensure_ascii=False))

    def document(self):
        feed = self.feed
        return {
            "version": self.version,
            "title": feed["title"],
            **_without_empty(
                {
                    "home_page_url": feed["link"],
                    "feed_url": feed["feed_url"],
                    "description": feed["description"],
                    "language": feed["language"],
                    "authors": self.feed_authors(),
                }
            ),
            "items": [self.item_document(item) for item in self.items],
        }

    def feed_authors(self):
        if not self.feed["author_name"]:
            return []
        return [_without_empty({"name": self.feed["author_name"], "url": self.feed["author_link"]})]

    def item_document(self, item):
        content = (
            {"content_html": item["content_html"]}
            if item.get("content_html")
            else {"content_text": item["description"] or item["title"]}
        )
        return {
            "id": item["unique_id"] or item["link"],
            **content,
            **_without_empty(
                {
                    "url": item["link"],
                    "title": item["title"],
                    "summary": item["description"],
                    "image": item.get("image"),
                    "date_published": item["pubdate"] and rfc3339_date(item["pubdate"]),
                    "date_modified": item["updateddate"] and rfc3339_date(item["updateddate"]),
                    "tags": list(item["categories"]),
                    "language": item.get("language"),
                    "authors": [{"name": name} for name in item.get("authors") or ()],
                }
            ),
        }
