"""One language's notes as Atom (…/feed/) and JSON Feed 1.1 (…/feed/json/): the latest editions,
or with ?tag=<slug> the latest of one topic. `note_entries` makes the entries, for these feeds and
the API's (portal/api/feeds.py).

An entry's id is "urn:uuid:" + uuid5(the page's translation key, its language)
(portal.feeds.page_entry_id): it survives every edit, rename, move and database copy.
"""

from django.contrib.syndication.views import FeedDoesNotExist
from django.utils.translation import gettext as _

from portal.feeds import EntryFeed, FeedEntry, FullContentAtom1Feed, JSONFeed, page_entry_id, render_bodies
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


def note_entries(request, notes):
    """A FeedEntry for each note of `notes` (a NotePage queryset, in its order), with the full body,
    in a fixed number of queries however many notes there are."""
    listed = editions(with_listing_data(notes.select_related("locale"), SHARE_IMAGE))
    bodies = render_bodies(request, [(edition.page.body, edition.page) for edition in listed])
    entries = []
    for edition, body in zip(listed, bodies):
        page = edition.page
        link = absolute_url(request, page)
        entries.append(
            FeedEntry(
                id=page_entry_id(page),
                title=page.title,  # plain text: Atom's <title> and JSON Feed's title are not HTML
                link=link,
                summary=page.summary,
                content_html=with_absolute_urls(body, link),
                published=page.first_published_at,
                updated=page.last_published_at,
                language=page.locale.language_code,
                tags=[tag.name for tag in page.tags.all()],
                authors=[team.name for team in edition.teams],
                image=share_image_url(request, page),
            )
        )
    return entries


class NotesFeed(EntryFeed):
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
        return note_entries(self.request, notes[:FEED_LENGTH])


class NotesAtomFeed(NotesFeed):
    feed_type = FullContentAtom1Feed


class NotesJSONFeed(NotesFeed):
    feed_type = JSONFeed
