"""One language's notes as Atom (…/feed/) and JSON Feed 1.1 (…/feed/json/): the latest editions,
or with ?tag=<slug> the latest of one topic.

An entry's id is "urn:uuid:" + uuid5(the page's translation key, its language). A URL would
change with the slug, and a database id from one copy of the database to another; the
translation key stays with the edition for its whole life, whatever is edited, and is shared by
its translations, which the language tells apart. A reader that saw an entry once never shows
it again as new.
"""

import uuid

from django.contrib.syndication.views import Feed, FeedDoesNotExist
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from portal.feeds import FullContentAtom1Feed, JSONFeed
from portal.html import with_absolute_urls
from portal.models import SiteSettings

from .views import (
    SHARE_IMAGE,
    TAG_SLUG,
    absolute_url,
    editions,
    live_notes,
    share_image_url,
    tag_name,
    tag_query,
    tagged,
    with_listing_data,
)

FEED_LENGTH = 20


def entry_id(page):
    return f"urn:uuid:{uuid.uuid5(page.translation_key, page.locale.language_code)}"


class NotesFeed(Feed):
    def get_object(self, request, index_page):
        # A Feed instance serves one request (the index page's route makes it), so it may keep it.
        self.request = request
        self.tag = request.GET.get("tag", "")
        if self.tag and not TAG_SLUG.fullmatch(self.tag):
            raise FeedDoesNotExist  # a 404: no tag is spelled like that
        self.language = index_page.locale.language_code
        return index_page

    def title(self, index):
        if self.tag:
            return _("%(archive)s: %(tag)s") % {"archive": index.title, "tag": tag_name(self.tag, [])}
        return index.title

    def link(self, index):
        return absolute_url(self.request, index)

    def feed_url(self, index):
        return self.request.build_absolute_uri(self.request.path) + tag_query(self.tag)

    def feed_guid(self, index):
        return self.link(index) + tag_query(self.tag)

    def description(self, index):
        return index.search_description or _("The monthly Digital Transformation Notes, newest first.")

    def author_name(self, index):
        return SiteSettings.for_request(self.request).institution_name

    def items(self, index):
        notes = tagged(live_notes(index), self.tag) if self.tag else live_notes(index)
        return editions(with_listing_data(notes.select_related("locale"), SHARE_IMAGE)[:FEED_LENGTH])

    def item_title(self, edition):
        return edition.page.title  # plain text: Atom's <title> and JSON Feed's title are not HTML

    def item_description(self, edition):
        return edition.page.summary

    def item_link(self, edition):
        return absolute_url(self.request, edition.page)

    def item_guid(self, edition):
        return entry_id(edition.page)

    def item_guid_is_permalink(self, edition):
        return False

    def item_pubdate(self, edition):
        return edition.page.first_published_at

    def item_updateddate(self, edition):
        return edition.page.last_published_at

    def item_categories(self, edition):
        return [tag.name for tag in edition.page.tags.all()]

    def item_extra_kwargs(self, edition):
        page = edition.page
        body = render_to_string(
            "portal/includes/streamfield.html", {"body": page.body, "page": page}, self.request
        )
        return {
            "content_html": with_absolute_urls(body, self.item_link(edition)),
            "authors": [team.name for team in edition.teams],
            "image": share_image_url(self.request, page),
            "language": page.locale.language_code,
        }


class NotesAtomFeed(NotesFeed):
    feed_type = FullContentAtom1Feed


class NotesJSONFeed(NotesFeed):
    feed_type = JSONFeed
