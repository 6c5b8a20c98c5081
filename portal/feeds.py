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

Also shared by the feeds (notes/feeds.py, portal/api/feeds.py):

    FeedEntry, EntryFeed   an entry as every feed describes it, and a Feed whose items are entries
    page_entry_id,         entry ids that never change: a page's from its translation key and
    record_entry_id        language, another record's from its kind, primary key and language
    render_bodies,         many pages' StreamField bodies or rich text fields rendered together in
    expand_rich_texts      a number of queries that does not grow with them
"""

import datetime
import json
import re
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import prefetch_related_objects
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, SyndicationFeed, rfc3339_date
from django.utils.html import escape
from wagtail.blocks import StreamValue
from wagtail.embeds.blocks import EmbedValue
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.format import embed_to_frontend_html
from wagtail.embeds.models import Embed
from wagtail.embeds.rich_text import MediaEmbedHandler
from wagtail.images import get_image_model
from wagtail.images.formats import get_image_format
from wagtail.images.models import AbstractImage
from wagtail.images.rich_text import ImageEmbedHandler
from wagtail.models import Locale, Page
from wagtail.rich_text import RichText
from wagtail.rich_text import features as rich_text_features
from wagtail.rich_text.pages import PageLinkHandler
from wagtail.rich_text.rewriters import EmbedRewriter, LinkRewriter, MultiRuleRewriter


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


# Entries: what every feed of the portal says about an item, whatever the item is.

FEED_NAMESPACE = uuid.UUID("3b0f6c1e-6f0a-5c55-9d0e-5a7c1f0e2b61")
"""The namespace of entry ids made from database records (never change it: every id would change)."""


def page_entry_id(page):
    """"urn:uuid:" + uuid5(the page's translation key, its language).

    A URL would change with the slug, and a database id from one copy of the database to another;
    the translation key stays with the page for its whole life, whatever is edited, and is shared
    by its translations, which the language tells apart. A reader that saw an entry once never
    shows it again as new.
    """
    return f"urn:uuid:{uuid.uuid5(page.translation_key, page.locale.language_code)}"


def record_entry_id(kind, pk, language):
    """The id of an entry about a record that is not a page (a monthly snapshot, a regulation
    version): published records are never edited in place, so "<kind>:<pk>" names one for good."""
    return f"urn:uuid:{uuid.uuid5(FEED_NAMESPACE, f'{kind}:{pk}:{language}')}"


@dataclass
class FeedEntry:
    id: str  # urn:uuid:…, from page_entry_id or record_entry_id
    title: str  # plain text
    link: str  # absolute
    summary: str  # plain text
    content_html: str  # links and images absolute (portal.html.with_absolute_urls)
    published: datetime.datetime
    updated: datetime.datetime
    language: str
    tags: list = field(default_factory=list)
    authors: list = field(default_factory=list)  # names; without any, the feed's author stands
    image: str | None = None  # absolute URL


class EntryFeed(Feed):
    """A syndication Feed whose items are FeedEntry objects; subclasses give the feed's own fields
    and `items`."""

    def item_title(self, entry):
        return entry.title

    def item_description(self, entry):
        return entry.summary

    def item_link(self, entry):
        return entry.link

    def item_guid(self, entry):
        return entry.id

    def item_guid_is_permalink(self, entry):
        return False

    def item_pubdate(self, entry):
        return entry.published

    def item_updateddate(self, entry):
        return max(entry.updated, entry.published) if entry.updated else entry.published

    def item_categories(self, entry):
        return entry.tags

    def item_extra_kwargs(self, entry):
        return {
            "content_html": entry.content_html,
            "authors": entry.authors,
            "image": entry.image,
            "language": entry.language,
        }


# Rendering many pages' bodies at once.
#
# Rendering one StreamField or rich text costs queries for what it refers to (images and their
# renditions, documents, linked pages and their translations, embeds), so a feed rendering its
# bodies one by one would cost queries in proportion to its entries. These functions render them
# all together instead: every body's blocks in one stream (one query per kind of chosen object),
# renditions and embeds fetched for all of them, and the rich text of all of them expanded in one
# pass whose page links, images and embeds are fetched in bulk.

RICH_TEXT_TEMPLATE = "wagtailcore/shared/richtext.html"


def _page_links(attrs_list):
    """Wagtail's page links (<a href> of the page in the active language when it has a live
    translation), for all the links at once: the pages, the active locale and the translations in
    a fixed number of queries instead of some for each link."""
    ids = [str(attrs.get("id", "")) for attrs in attrs_list]
    wanted = {int(pk) for pk in ids if pk.isdigit()}
    pages = {str(page.pk): page for page in Page.objects.filter(pk__in=wanted).defer_streamfields().specific()}
    translations = {}
    if pages and getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        try:
            active = Locale.get_active()
        except (LookupError, Locale.DoesNotExist):
            active = None
        foreign = {page.translation_key for page in pages.values() if active and page.locale_id != active.pk}
        if foreign:
            translated = Page.objects.filter(translation_key__in=foreign, locale=active, live=True)
            translations = {page.translation_key: page for page in translated.defer_streamfields().specific()}
    tags = []
    for pk in ids:
        page = pages.get(pk)
        if page is None:
            tags.append("<a>")
            continue
        page = translations.get(page.translation_key, page)
        tags.append('<a href="%s">' % escape(page.url or ""))
    return tags


def _image_embeds(attrs_list):
    """Wagtail's rich text images, with every image and its renditions fetched in two queries."""
    formats = {}
    for attrs in attrs_list:
        try:
            formats[attrs.get("format")] = get_image_format(attrs.get("format"))
        except KeyError:
            pass
    ids = {int(attrs["id"]) for attrs in attrs_list if str(attrs.get("id", "")).isdigit()}
    specs = {image_format.filter_spec for image_format in formats.values()}
    images = get_image_model().objects.filter(pk__in=ids).prefetch_renditions(*specs).in_bulk() if ids else {}
    tags = []
    for attrs in attrs_list:
        image = images.get(int(attrs["id"])) if str(attrs.get("id", "")).isdigit() else None
        image_format = formats.get(attrs.get("format"))
        if image is None or image_format is None:
            tags.append('<img alt="">')
        else:
            tags.append(image_format.image_to_html(image, attrs.get("alt", "")))
    return tags


def _stored_embeds(keys):
    """{(url, max_width, max_height): Embed} for the embeds already fetched once, in one query."""
    hashes = {get_embed_hash(*key): key for key in keys}
    if not hashes:
        return {}
    stored = Embed.objects.exclude(cache_until__lte=timezone.now()).filter(hash__in=hashes)
    return {hashes[embed.hash]: embed for embed in stored}


def _embed_html(embed):
    return render_to_string("wagtailembeds/embed_frontend.html", {"embed": embed})


def _media_embeds(attrs_list):
    """Rich text media embeds from the stored embeds in one query; one never fetched before is
    fetched as Wagtail does (once: it is stored then)."""
    stored = _stored_embeds({(attrs.get("url", ""), None, None) for attrs in attrs_list})
    tags = []
    for attrs in attrs_list:
        embed = stored.get((attrs.get("url", ""), None, None))
        tags.append(_embed_html(embed) if embed else embed_to_frontend_html(attrs.get("url", "")))
    return tags


BULK_LINK_RULES = {"page": (PageLinkHandler, _page_links)}
BULK_EMBED_RULES = {"image": (ImageEmbedHandler, _image_embeds), "media": (MediaEmbedHandler, _media_embeds)}


def _rules(registered, bulk):
    """The registered handlers' rules, Wagtail's own page, image and media ones replaced by the bulk
    ones above (a handler the project registers itself is kept)."""
    rules = {kind: handler.expand_db_attributes_many for kind, handler in registered.items()}
    for kind, (wagtail_handler, rule) in bulk.items():
        if registered.get(kind) is wagtail_handler:
            rules[kind] = rule
    return rules


def expand_all(html):
    """Wagtail's expand_db_html for a large piece of HTML holding many rich texts."""
    rewriter = MultiRuleRewriter(
        [
            LinkRewriter(bulk_rules=_rules(rich_text_features.get_link_types(), BULK_LINK_RULES)),
            EmbedRewriter(bulk_rules=_rules(rich_text_features.get_embed_types(), BULK_EMBED_RULES)),
        ]
    )
    return rewriter(html)


def expand_rich_texts(sources):
    """Each rich text of `sources` (database HTML, as a RichTextField holds it) as the `richtext`
    template filter renders it, in a fixed number of queries for all of them."""
    if not sources:
        return []
    separator = f"<!--{uuid.uuid4().hex}-->"
    expanded = expand_all(separator.join(source or "" for source in sources)).split(separator)
    return [render_to_string(RICH_TEXT_TEMPLATE, {"html": html}) for html in expanded]


class _PendingRichText(RichText):
    """A rich text block's value that renders as a placeholder, expanded later with all the others."""

    def __html__(self):
        return self.collected.placeholder(self)


class _Collected:
    """What the blocks of many bodies refer to, to fetch for all of them at once."""

    def __init__(self):
        self.nonce = uuid.uuid4().hex
        self.rich_texts, self.images, self.embeds = [], [], []
        self.pattern = re.compile(rf"<!--{self.nonce}:(\d+)-->")

    def walk(self, value):
        if isinstance(value, RichText):
            value.__class__, value.collected, value.slot = _PendingRichText, self, len(self.rich_texts)
            self.rich_texts.append(value.source)
        elif isinstance(value, EmbedValue):
            self.embeds.append(value)
        elif isinstance(value, AbstractImage):
            self.images.append(value)
        elif isinstance(value, StreamValue):
            for child in value:
                self.walk(child.value)
        elif isinstance(value, Mapping):
            for item in value.values():
                self.walk(item)
        elif isinstance(value, Sequence) and not isinstance(value, str):  # lists, ListBlock values
            for item in value:
                self.walk(item)

    def fetch(self):
        if self.images:
            prefetch_related_objects(list({id(image): image for image in self.images}.values()), "renditions")
        stored = _stored_embeds({(value.url, value.max_width, value.max_height) for value in self.embeds if value.url})
        for value in self.embeds:
            embed = stored.get((value.url, value.max_width, value.max_height))
            if embed is not None:
                value.__dict__["html"] = _embed_html(embed)  # EmbedValue.html is a cached_property

    def placeholder(self, rich_text):
        return f"<!--{self.nonce}:{rich_text.slot}-->"

    def expand(self, rendered):
        expanded = expand_rich_texts(self.rich_texts)
        return [self.pattern.sub(lambda match: expanded[int(match.group(1))], html) for html in rendered]


def render_bodies(request, bodies, template="portal/includes/streamfield.html"):
    """Each (StreamField value, page) of `bodies` rendered with `template` (given "body" and "page")
    as its page would render it, in a number of queries that does not grow with the bodies."""
    streams = {}
    for index, (value, _page) in enumerate(bodies):
        block = value.stream_block
        raw = [item for item in value.raw_data if item and item.get("type") in block.child_blocks]
        streams.setdefault(id(block), (block, []))[1].append((index, raw))
    children = [[] for _body in bodies]
    for block, members in streams.values():
        combined = list(StreamValue(block, [item for _index, raw in members for item in raw], is_lazy=True))
        start = 0
        for index, raw in members:
            children[index] = combined[start : start + len(raw)]
            start += len(raw)
    collected = _Collected()
    for blocks in children:
        for child in blocks:
            collected.walk(child.value)
    collected.fetch()
    rendered = [
        render_to_string(template, {"body": blocks, "page": page}, request)
        for blocks, (_value, page) in zip(children, bodies)
    ]
    return collected.expand(rendered)
