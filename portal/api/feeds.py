"""Feeds for journalists, site-wide and per section, in each language, as JSON Feed 1.1 and Atom.

Addresses, under /api/v1/feeds/ (`portal.api.urls` includes this module's `urlpatterns`):

    <locale>/all.json          everything below, the newest update first
    <locale>/notes.json        monthly notes                               ?tag=<slug>
    <locale>/faq.json          FAQ answers, as published and updated         ?category=<slug>
    <locale>/transparency.json each month of each Transparencia Activa table as published, and each correction
                                                                           ?category=<slug>
    <locale>/regulations.json  each published version of a regulation, with what it changed
    (the same with .atom for Atom 1.0)

`locale` is es or en. Every feed takes `published_after` (first published at or after) and
`modified_since` (last changed at or after): an ISO 8601 date (its first moment in Santiago) or
date-time. A filter a feed does not have, or a value it cannot read, is a 400 with a JSON body
`{"error": "bad_request", "detail": …}`; an unknown locale, section or format a JSON 404. A category
or tag nobody uses gives an empty feed, as the content API's filters do.

Each feed holds at most FEED_LENGTH entries. Entries never change their id: pages have
uuid5(translation key, language) (portal.feeds.page_entry_id), monthly snapshots and regulation
versions uuid5 of "snapshot:<pk>" or "regulation-version:<pk>" and the language
(portal.feeds.record_entry_id); published snapshots and versions are never edited in place.
An entry's date_published is its first publication, date_modified its latest change: a page's
last publication, a snapshot's correction (it is then shown as corrected), a version's last edit.

Every feed costs a fixed number of queries however many entries it has: each section first lists
its newest candidates (dates and keys only), the site-wide feed keeps the newest of all of them,
and each section then fetches and renders its own entries in bulk (portal.feeds.render_bodies,
expand_rich_texts).

URL names: "api_feed" (kwargs locale, section, format) and "api_feeds" (a JSON list of them all).
"""

import datetime
from collections import Counter, defaultdict
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.http import JsonResponse
from django.urls import path, re_path, reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.csrf import csrf_exempt
from ninja.errors import HttpError
from wagtail.models import Locale, Page

from faq.models import FAQCategoryPage, FAQIndexPage, QuestionPage
from notes.feeds import note_entries
from notes.models import NotePage, NotesIndexPage
from notes.views import TAG_SLUG, tag_name, tagged
from portal.feeds import (
    EntryFeed,
    FeedEntry,
    FullContentAtom1Feed,
    JSONFeed,
    expand_rich_texts,
    page_entry_id,
    record_entry_id,
)
from portal.html import with_absolute_urls
from portal.models import HomePage, SiteSettings
from regulations.comparison import TEXT_KINDS, changes_between
from regulations.models import Provision, RegulationIndexPage, RegulationPage, Version
from transparency.models import DatasetPage, Snapshot, TransparencyCategoryPage, TransparencyIndexPage

from .common import aware, error_response, public_pages

FEED_LENGTH = 50
FORMATS = ("json", "atom")
SLUG_FILTERS = {"category": 255, "tag": 100}  # the longest value each may have, as in the content API
DATE_FILTERS = ("published_after", "modified_since")


class BadFilter(Exception):
    """A query string value a feed cannot use; the message says which and why."""


def public(model, locale):
    """`model`'s pages the API may show (portal.api.common.public_pages), in `locale`."""
    return public_pages(model).filter(locale=locale)


def parent_titles(pages):
    """{page pk: its parent's title} for `pages`, in one query (a question's or dataset's category)."""
    parent_path = {page.pk: page.path[: -page.steplen] for page in pages}
    titles = dict(Page.objects.filter(path__in=set(parent_path.values())).values_list("path", "title"))
    return {pk: titles.get(path) for pk, path in parent_path.items()}


def read_moment(name, value):
    """An ISO 8601 date or date-time, read as the content API reads its dates (portal.api.common.aware)."""
    try:
        return aware(datetime.datetime.fromisoformat(value.strip()))
    except (ValueError, HttpError):
        raise BadFilter(
            _("%(name)s must be an ISO 8601 date or date-time, such as 2026-03-01 or 2026-03-01T09:00:00-03:00.")
            % {"name": name}
        ) from None


class Filters:
    """The query string's filters, checked against what the section offers."""

    def __init__(self, request, section_class):
        self.given = {}
        self.category = self.tag = ""
        self.published_after = self.modified_since = None
        for name, longest in SLUG_FILTERS.items():
            value = request.GET.get(name, "")
            if not value:
                continue
            if name not in section_class.slug_filters:
                raise BadFilter(
                    _("The %(section)s feed has no %(name)s filter; it takes: %(filters)s.")
                    % {"section": section_class.name, "name": name, "filters": ", ".join(section_class.accepted())}
                )
            if len(value) > longest or not TAG_SLUG.fullmatch(value):
                raise BadFilter(_("%(name)s must be a slug, such as “datos” or “transparencia”.") % {"name": name})
            setattr(self, name, value)
            self.given[name] = value
        for name in DATE_FILTERS:
            value = request.GET.get(name, "")
            if value:
                setattr(self, name, read_moment(name, value))
                self.given[name] = value

    def query(self):
        return "?" + urlencode(sorted(self.given.items())) if self.given else ""


class Section:
    """One kind of entry in one language: its newest candidates, then their entries."""

    name = ""
    slug_filters = frozenset()  # the category or tag it may be narrowed to (every feed takes the dates)
    title = description = None
    index_model = None

    def __init__(self, request, locale, filters):
        self.request, self.locale, self.filters = request, locale, filters
        self.language = locale.language_code

    @classmethod
    def accepted(cls):
        return sorted(cls.slug_filters) + list(DATE_FILTERS)

    def dated(self, queryset, published, modified):
        if self.filters.published_after:
            queryset = queryset.filter(**{f"{published}__gte": self.filters.published_after})
        if self.filters.modified_since:
            queryset = queryset.filter(**{f"{modified}__gte": self.filters.modified_since})
        return queryset

    def candidates(self):
        """[(date modified, key)] of at most FEED_LENGTH entries, the newest first."""
        raise NotImplementedError

    def entries(self, keys):
        """The FeedEntry of each key, fetched and rendered together."""
        raise NotImplementedError

    def feed_title(self, institution):
        title = self.title % {"institution": institution}
        chosen = self.chosen_name()
        return _("%(feed)s: %(filter)s") % {"feed": title, "filter": chosen} if chosen else title

    def chosen_name(self):
        """The name of the category or topic the feed is narrowed to, for its title."""
        return ""

    def home_page(self):
        """The web page the feed follows: the section's index in this language."""
        return public(self.index_model, self.locale).first() if self.index_model else None

    def absolute(self, page, suffix=""):
        return self.request.build_absolute_uri(page.get_url(self.request) + suffix)


class CategorySection(Section):
    slug_filters = frozenset({"category"})
    category_model = None

    @cached_property
    def category(self):
        if not self.filters.category:
            return None
        return public(self.category_model, self.locale).filter(slug=self.filters.category).first()

    def in_category(self, pages):
        """`pages` narrowed to the chosen category: none when no category has the slug."""
        if not self.filters.category:
            return pages
        return pages.child_of(self.category) if self.category else pages.none()

    def chosen_name(self):
        return self.category.title if self.category else self.filters.category

    def home_page(self):
        return self.category or super().home_page()


class NotesSection(Section):
    name = "notes"
    slug_filters = frozenset({"tag"})
    title = gettext_lazy("%(institution)s: monthly notes")
    description = gettext_lazy("The monthly Digital Transformation Notes, the latest published or updated first.")
    index_model = NotesIndexPage

    def notes(self):
        notes = public(NotePage, self.locale)
        if self.filters.tag:
            notes = tagged(notes, self.filters.tag)
        return self.dated(notes, "first_published_at", "last_published_at")

    def candidates(self):
        rows = self.notes().order_by("-last_published_at", "-pk").values_list("last_published_at", "pk")
        return list(rows[:FEED_LENGTH])

    def entries(self, keys):
        return note_entries(self.request, NotePage.objects.filter(pk__in=keys))

    def chosen_name(self):
        return tag_name(self.filters.tag, []) if self.filters.tag else ""


class FAQSection(CategorySection):
    name = "faq"
    title = gettext_lazy("%(institution)s: FAQ updates")
    description = gettext_lazy("Frequently asked questions and their answers, the latest published or updated first.")
    index_model = FAQIndexPage
    category_model = FAQCategoryPage

    def candidates(self):
        questions = self.dated(self.in_category(public(QuestionPage, self.locale)), "first_published_at", "last_published_at")
        return list(questions.order_by("-last_published_at", "-pk").values_list("last_published_at", "pk")[:FEED_LENGTH])

    def entries(self, keys):
        questions = list(QuestionPage.objects.filter(pk__in=keys).select_related("locale"))
        categories = parent_titles(questions)
        answers = expand_rich_texts([question.answer for question in questions])
        entries = []
        for question, answer in zip(questions, answers):
            link = self.absolute(question)
            entries.append(
                FeedEntry(
                    id=page_entry_id(question),
                    title=question.title,
                    link=link,
                    summary=question.summary,
                    content_html=with_absolute_urls(answer, link),
                    published=question.first_published_at,
                    updated=question.last_published_at,
                    language=self.language,
                    tags=[categories[question.pk]] if categories.get(question.pk) else [],
                )
            )
        return entries


class TransparencySection(CategorySection):
    name = "transparency"
    title = gettext_lazy("%(institution)s: Transparencia Activa updates")
    description = gettext_lazy(
        "Each month of each Transparencia Activa table as it is published, and each correction, the newest first."
    )
    index_model = TransparencyIndexPage
    category_model = TransparencyCategoryPage

    @cached_property
    def dataset_pages(self):
        """{dataset id: its page in this language} (the first page, should a dataset have two)."""
        pages = self.in_category(public(DatasetPage, self.locale)).order_by("-path")
        return {page.dataset_id: page for page in pages}

    def snapshots(self):
        snapshots = Snapshot.objects.published().filter(dataset_id__in=list(self.dataset_pages))
        return snapshots.annotate(modified=Coalesce("superseded_at", "published_at"))

    def candidates(self):
        if not self.dataset_pages:
            return []
        snapshots = self.dated(self.snapshots(), "published_at", "modified")
        return list(snapshots.order_by("-modified", "-pk").values_list("modified", "pk")[:FEED_LENGTH])

    def entries(self, keys):
        snapshots = list(self.snapshots().filter(pk__in=keys).select_related("dataset"))
        categories = parent_titles(list(self.dataset_pages.values()))
        corrected = [snapshot for snapshot in snapshots if snapshot.superseded_at]
        corrections = {}
        if corrected:
            later = Q(pk__in=[])
            for snapshot in corrected:
                later |= Q(dataset_id=snapshot.dataset_id, period=snapshot.period, version=snapshot.version + 1)
            corrections = {
                (snapshot.dataset_id, snapshot.period, snapshot.version): snapshot
                for snapshot in Snapshot.objects.published().filter(later).only(
                    "dataset_id", "period", "version", "correction_note", "published_at"
                )
            }
        entries = []
        for snapshot in snapshots:
            page = self.dataset_pages[snapshot.dataset_id]
            correction = corrections.get((snapshot.dataset_id, snapshot.period, snapshot.version + 1))
            entries.append(self.entry(snapshot, page, correction, categories.get(page.pk)))
        return entries

    def entry(self, snapshot, page, correction, category):
        month = date_format(snapshot.period, "YEAR_MONTH_FORMAT")
        names = {"dataset": page.title, "month": month}
        month_url = self.absolute(page, f"{snapshot.month}/")
        link = month_url if snapshot.superseded_at is None else f"{month_url}v{snapshot.version}/"
        if snapshot.no_movements:
            what = _("%(dataset)s, %(month)s: no movements this month.") % names
        else:
            what = ngettext(
                "%(dataset)s, %(month)s: %(count)s row.", "%(dataset)s, %(month)s: %(count)s rows.", snapshot.row_count
            ) % {**names, "count": snapshot.row_count}
        paragraphs = [format_html("<p>{}</p>", what)]
        summary = [what]
        is_correction = snapshot.version > 1
        if is_correction:
            note = _("This version corrects version %(version)s: %(note)s") % {
                "version": snapshot.version - 1,
                "note": snapshot.correction_note,
            }
            paragraphs.append(format_html("<p>{}</p>", note))
            summary.append(note)
        if snapshot.superseded_at:
            note = _("Corrected on %(date)s: %(note)s") % {
                "date": date_format(timezone.localtime(snapshot.superseded_at), "DATE_FORMAT"),
                "note": correction.correction_note if correction else "",
            }
            paragraphs.append(format_html('<p>{} <a href="{}">{}</a></p>', note, month_url, _("See the corrected table.")))
            summary.append(note)
        paragraphs.append(
            format_html(
                '<p>{}: <a href="{}csv/">CSV</a>, <a href="{}json/">JSON</a></p>', _("Download"), link, link
            )
        )
        title = _("%(dataset)s: %(month)s (corrected)") if is_correction else _("%(dataset)s: %(month)s")
        return FeedEntry(
            id=record_entry_id("snapshot", snapshot.pk, self.language),
            title=title % names,
            link=link,
            summary=" ".join(summary),
            content_html="".join(paragraphs),
            published=snapshot.published_at,
            updated=snapshot.modified,
            language=self.language,
            tags=[category] if category else [],
        )


class RegulationsSection(Section):
    name = "regulations"
    title = gettext_lazy("%(institution)s: regulation amendments")
    description = gettext_lazy(
        "Each version of the procurement regulations as it is published, with what it changed, the newest first."
    )
    index_model = RegulationIndexPage

    @cached_property
    def regulation_pages(self):
        """{regulation id: its page in this language} (the first page, should a regulation have two)."""
        return {page.regulation_id: page for page in public(RegulationPage, self.locale).order_by("-path")}

    def candidates(self):
        if not self.regulation_pages:
            return []
        versions = Version.objects.published().filter(regulation_id__in=list(self.regulation_pages))
        versions = self.dated(versions, "published_at", "updated_at")
        return list(versions.order_by("-updated_at", "-pk").values_list("updated_at", "pk")[:FEED_LENGTH])

    def entries(self, keys):
        versions = list(Version.objects.filter(pk__in=keys).select_related("regulation", "official_pdf"))
        previous = self.previous_versions(versions)
        compared = {version.pk for version in versions} | {older.pk for older in previous.values()}
        provisions = defaultdict(dict)
        for provision in Provision.objects.filter(version_id__in=compared, kind__in=TEXT_KINDS).only(
            "version_id", "label", "heading", "text", "position"
        ):
            provisions[provision.version_id][provision.label] = provision
        entries = []
        for version in versions:
            older = previous.get(version.pk)
            counts = (
                Counter(change.status for change in changes_between(provisions[older.pk], provisions[version.pk]))
                if older
                else None
            )
            entries.append(self.entry(version, older, counts, len(provisions[version.pk])))
        return entries

    @staticmethod
    def previous_versions(versions):
        """{version pk: the published version it amends (the one before it), for those that amend one}."""
        published = Version.objects.published().filter(regulation_id__in={version.regulation_id for version in versions})
        by_regulation = defaultdict(list)
        for version in published.order_by("effective_from").only("pk", "regulation_id", "effective_from"):
            by_regulation[version.regulation_id].append(version)
        previous = {}
        for series in by_regulation.values():
            for older, newer in zip(series, series[1:]):
                previous[newer.pk] = older
        return previous

    def entry(self, version, older, counts, provision_count):
        page = self.regulation_pages[version.regulation_id]
        link = self.absolute(page, f"{version.date_slug}/")
        if older is not None:
            changes = [
                ngettext("%(count)s article or annex added", "%(count)s articles or annexes added", counts["added"]),
                ngettext("%(count)s changed", "%(count)s changed", counts["changed"]),
                ngettext("%(count)s removed", "%(count)s removed", counts["removed"]),
            ]
            what = _("Compared with the version in force from %(date)s: %(added)s, %(changed)s and %(removed)s.") % {
                "date": date_format(older.effective_from, "DATE_FORMAT"),
                "added": changes[0] % {"count": counts["added"]},
                "changed": changes[1] % {"count": counts["changed"]},
                "removed": changes[2] % {"count": counts["removed"]},
            }
            comparison = self.absolute(page, f"compare/{older.date_slug}/{version.date_slug}/")
            changed = format_html('<p>{} <a href="{}">{}</a></p>', what, comparison, _("See what changed, word by word."))
        else:
            what = ngettext(
                "The first published version: %(count)s article or annex.",
                "The first published version: %(count)s articles and annexes.",
                provision_count,
            ) % {"count": provision_count}
            changed = format_html("<p>{}</p>", what)
        paragraphs = []
        if version.summary:
            paragraphs.append(format_html("<p>{}</p>", version.summary))
        if version.act:
            act = format_html('<a href="{}">{}</a>', version.act_url, version.act) if version.act_url else version.act
            paragraphs.append(format_html("<p>{}: {}</p>", _("Amending act"), act))
        paragraphs.append(changed)
        if version.official_pdf is not None:
            pdf = self.request.build_absolute_uri(version.official_pdf.url)
            paragraphs.append(format_html('<p><a href="{}">{}</a></p>', pdf, _("The official PDF")))
        title = _("%(regulation)s: version in force from %(date)s") % {
            "regulation": page.title,
            "date": date_format(version.effective_from, "DATE_FORMAT"),
        }
        return FeedEntry(
            id=record_entry_id("regulation-version", version.pk, self.language),
            title=title,
            link=link,
            summary=version.summary or what,
            content_html="".join(paragraphs),
            published=version.published_at,
            updated=max(version.updated_at, version.published_at),
            language=self.language,
            tags=[str(version.regulation.get_kind_display())],
        )


SECTIONS = {section.name: section for section in (NotesSection, FAQSection, TransparencySection, RegulationsSection)}


class AllSection(Section):
    """Every section's entries together: each one's newest candidates, of which the newest are kept."""

    name = "all"
    title = gettext_lazy("%(institution)s: everything published")
    description = gettext_lazy(
        "Everything the portal publishes in this language, the latest published or updated first: "
        "monthly notes, FAQ answers, Transparencia Activa tables and regulation amendments."
    )

    def __init__(self, request, locale, filters):
        super().__init__(request, locale, filters)
        self.sections = [section(request, locale, filters) for section in SECTIONS.values()]

    def candidates(self):
        merged = [
            (modified, (index, key))
            for index, section in enumerate(self.sections)
            for modified, key in section.candidates()
        ]
        merged.sort(reverse=True)  # newest change first; (section, key) settles ties the same way every time
        return merged[:FEED_LENGTH]

    def entries(self, keys):
        by_section = defaultdict(list)
        for index, key in keys:
            by_section[index].append(key)
        return [entry for index, chosen in by_section.items() for entry in self.sections[index].entries(chosen)]

    def home_page(self):
        return public(HomePage, self.locale).first()


FEEDS = {"all": AllSection, **SECTIONS}


def newest_first(entries):
    return sorted(entries, key=lambda entry: (entry.updated, entry.published, entry.id), reverse=True)


class ApiFeed(EntryFeed):
    """One section's feed in one language (the view below makes one for each request)."""

    def get_object(self, request, section):
        self.request, self.language = request, section.language
        return section

    def title(self, section):
        return section.feed_title(self.institution)

    @cached_property
    def institution(self):
        return SiteSettings.for_request(self.request).institution_name

    def description(self, section):
        return str(section.description)

    def link(self, section):
        home = section.home_page()
        if home is None:
            return self.request.build_absolute_uri(f"/{section.language}/")
        return self.request.build_absolute_uri(home.get_url(self.request))

    def feed_url(self, section):
        return self.request.build_absolute_uri(self.request.path) + section.filters.query()

    def feed_guid(self, section):
        return self.feed_url(section)

    def author_name(self, section):
        return self.institution

    def items(self, section):
        return newest_first(section.entries([key for _modified, key in section.candidates()]))


class ApiJSONFeed(ApiFeed):
    feed_type = JSONFeed


class ApiAtomFeed(ApiFeed):
    feed_type = FullContentAtom1Feed


FEED_CLASSES = {"json": ApiJSONFeed, "atom": ApiAtomFeed}


def content_locale(code):
    if code not in dict(settings.WAGTAIL_CONTENT_LANGUAGES):
        return None
    return Locale.objects.filter(language_code=code).first()


@csrf_exempt  # read-only: anything but GET is a JSON 405, not the CSRF failure page
def feed(request, locale, section, format):
    if request.method not in ("GET", "HEAD"):
        response = error_response(405, _("Feeds are read with GET."))
        response["Allow"] = "GET, HEAD"
        return response
    section_class, feed_class, content = FEEDS.get(section), FEED_CLASSES.get(format), content_locale(locale)
    if section_class is None or feed_class is None or content is None:
        return not_found(request)
    try:
        filters = Filters(request, section_class)
    except BadFilter as problem:
        return error_response(400, problem)
    with translation.override(content.language_code):
        return feed_class()(request, section=section_class(request, content, filters))


def feed_list(request):
    """Every feed's addresses, for clients that discover rather than read the docs."""
    feeds = []
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        for name, section in FEEDS.items():
            urls = {
                format: request.build_absolute_uri(
                    reverse("api_feed", kwargs={"locale": code, "section": name, "format": format})
                )
                for format in FORMATS
            }
            feeds.append({"locale": code, "section": name, "filters": section.accepted(), **urls})
    return JsonResponse({"feeds": feeds, "max_entries": FEED_LENGTH})


def not_found(request, rest=""):
    return error_response(
        404, _("There is no such feed: see %(url)s for the feeds there are.") % {"url": reverse("api_feeds")}
    )


urlpatterns = [
    path("", feed_list, name="api_feeds"),
    path("<slug:locale>/<slug:section>.<slug:format>", feed, name="api_feed"),
    re_path(r"^(?P<rest>[\s\S]*)$", not_found),
]
