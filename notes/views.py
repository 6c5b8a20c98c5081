"""The notes archive and a note's page, each in a fixed number of queries however many editions there are.

    …/notas/              every edition, newest first, 12 a page (?page=); ?tag=<slug> keeps one topic
    …/notas/2025/         the editions of 2025 (?tag= too)
    …/notas/2025/03/      redirects to March 2025's edition: there is at most one a month in each
                          language, so a list of one would be a detour; a month without an edition
                          is a 404 that says so and still offers the years and months that have one
    …/notas/feed/, …/notas/feed/json/   Atom and JSON Feed (notes/feeds.py)
"""

import datetime
import re
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch
from django.http import Http404
from django.shortcuts import redirect
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail_localize.models import TranslationSource

from portal.models import SiteSettings

from .models import NotePage, NotesIndexPage, NoteTag, Team

EDITIONS_PER_PAGE = 12
RELATED_NOTES_BY_TAG = 3
CARD_IMAGE = "fill-640x360"  # the archive's and the home page's cards (notes/includes/edition_card.html)
SHARE_IMAGE = "fill-1200x630"  # feeds and schema.org: the size link previews expect
TAG_SLUG = re.compile(r"[-\w]+")


@dataclass
class Edition:
    """A note as listed: the page, with its teams named in the page's language."""

    page: NotePage
    teams: list


@dataclass
class YearLink:
    year: int
    count: int
    url: str
    is_current: bool
    months: list = field(default_factory=list)  # (first day, url) of each month, for the year being shown


def with_listing_data(notes, *image_specs):
    """`notes` with what a listing shows fetched in bulk: tags, teams, hero images and their renditions."""
    images = get_image_model().objects.prefetch_renditions(*image_specs)
    return notes.prefetch_related("tags", "teams", Prefetch("hero_image", queryset=images))


def editions(notes):
    """Each note with its teams in its own language.

    A translated note may still point at the source language's teams (the admin keeps the
    editor's choice), so each team is swapped for its translation in the note's language when
    there is one: `team.localized`, for every note at once in one query.
    """
    teams_of = [(note, list(note.teams.all())) for note in notes]
    foreign = {
        (team.translation_key, note.locale_id)
        for note, teams in teams_of
        for team in teams
        if team.locale_id != note.locale_id
    }
    translations = {}
    if foreign:
        keys, locales = zip(*foreign)
        candidates = Team.objects.filter(translation_key__in=set(keys), locale_id__in=set(locales))
        translations = {(team.translation_key, team.locale_id): team for team in candidates}
    return [
        Edition(note, [translations.get((team.translation_key, note.locale_id), team) for team in teams])
        for note, teams in teams_of
    ]


def live_notes(index):
    """The editions anyone may read under `index`, newest first."""
    return index.notes().public()


def tagged(notes, tag):
    """The notes with the tag whose slug is `tag`; none when `tag` cannot be a slug (PostgreSQL
    would fail on a NUL byte from the query string rather than find nothing)."""
    if not TAG_SLUG.fullmatch(tag):
        return notes.none()
    return notes.filter(tagged_items__tag__slug=tag)


def subpage_url(index, route, **kwargs):
    return index.url + index.reverse_subpage(route, kwargs=kwargs)


def tag_query(tag):
    return "?" + urlencode({"tag": tag}) if tag else ""


def feed_links(index, tag=""):
    return {
        "atom_feed_url": subpage_url(index, "atom_feed") + tag_query(tag),
        "json_feed_url": subpage_url(index, "json_feed") + tag_query(tag),
    }


def month_start(year, month):
    try:
        return datetime.date(year, month, 1)
    except ValueError:  # year 0000
        raise Http404 from None


def year_links(index, months, current_year, tag):
    """The years that have editions, newest first, with their counts; the current year also lists its months."""
    counts = Counter(month.year for month in months)
    current_months = [
        (month, subpage_url(index, "archive_month", year=f"{month.year:04}", month=f"{month.month:02}"))
        for month in sorted(months)
        if month.year == current_year
    ]
    return [
        YearLink(
            year=year,
            count=count,
            url=subpage_url(index, "archive_year", year=year) + tag_query(tag),
            is_current=year == current_year,
            months=current_months if year == current_year else [],
        )
        for year, count in sorted(counts.items(), reverse=True)
    ]


def tag_counts(notes):
    """The tags of `notes` with how many editions carry each, by name."""
    return list(
        NoteTag.objects.filter(content_object__in=notes)
        .values("tag__name", "tag__slug")
        .annotate(count=Count("pk"))
        .order_by("tag__name")
    )


def archive(request, index, year=None, month=None):
    notes = live_notes(index)
    first_day = month_start(year, month) if month is not None else None
    if first_day is not None:
        edition = notes.filter(edition_month=first_day).first()
        if edition is not None:
            return redirect(edition.get_url(request))
    tag = request.GET.get("tag", "")
    published = list(notes.values_list("edition_month", flat=True))
    with_tag = list(tagged(notes, tag).values_list("edition_month", flat=True)) if tag else published
    context = {"tag": tag, "year": year, "years": year_links(index, with_tag, year, tag), **feed_links(index, tag)}
    if first_day is not None or (year is not None and year not in {day.year for day in published}):
        context.update(not_found=True, missing_month=first_day)
        response = index.render(request, context_overrides=context)
        response.status_code = 404
        return response

    in_year = notes.filter(edition_month__year=year) if year is not None else notes
    tags = tag_counts(in_year)
    listed = tagged(in_year, tag) if tag else in_year
    page = Paginator(with_listing_data(listed, CARD_IMAGE), EDITIONS_PER_PAGE).get_page(request.GET.get("page"))
    context.update(
        editions=editions(page),
        editions_page=page,
        page_numbers=page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1),
        tags=tags,
        tag_name=tag_name(tag, tags),
        filter_url=subpage_url(index, "archive_year", year=year) if year is not None else index.url,
    )
    return index.render(request, context_overrides=context)


def tag_name(slug, tags):
    """The name of the tag a URL asks for (the slug as typed when there is no such tag)."""
    if not TAG_SLUG.fullmatch(slug):
        return slug
    known = next((tag["tag__name"] for tag in tags if tag["tag__slug"] == slug), None)
    return known or Tag.objects.filter(slug=slug).values_list("name", flat=True).first() or slug


def note_context(request, note):
    """What a note's page shows besides its own fields: the neighbours, related notes and schema.org."""
    index = NotesIndexPage.objects.parent_of(note).get()
    notes = live_notes(index)
    teams = editions([note])[0].teams
    tags = list(note.tags.all())
    return {
        "index": index,
        "teams": teams,
        "tags": tags,
        "previous_note": notes.filter(edition_month__lt=note.edition_month).first(),
        "next_note": notes.filter(edition_month__gt=note.edition_month).order_by("edition_month").first(),
        "related_notes": chosen_related_notes(note) or notes_sharing_tags(note, notes, tags),
        "article": article_json_ld(request, note, index, teams, tags),
        **feed_links(index),
    }


def chosen_related_notes(note):
    """The notes the editor chose, each in this note's language when translated (`.localized`, in one
    query for all of them); unpublished ones are left out."""
    chosen = [block.value for block in note.related_notes if block.value is not None]
    in_language = {
        related.translation_key: related
        for related in NotePage.objects.live().public().filter(
            locale_id=note.locale_id, translation_key__in=[page.translation_key for page in chosen]
        )
    }
    result = []
    for page in chosen:
        shown = in_language.get(page.translation_key) or (
            page if page.live and not page.get_view_restrictions().exists() else None
        )
        if shown is not None and shown.pk != note.pk and shown not in result:
            result.append(shown)
    return result


def notes_sharing_tags(note, notes, tags):
    """Up to three other editions of this archive with the most tags in common, the newest first among equals."""
    tag_ids = [tag.pk for tag in tags if tag.pk is not None]
    if not tag_ids:
        return []
    return list(
        notes.exclude(pk=note.pk)
        .filter(tagged_items__tag_id__in=tag_ids)
        .annotate(shared_tags=Count("tagged_items"))
        .order_by("-shared_tags", "-edition_month")[:RELATED_NOTES_BY_TAG]
    )


def absolute_url(request, page):
    return request.build_absolute_uri(page.get_url(request))


def share_image_url(request, note):
    if note.hero_image is None:
        return None
    return request.build_absolute_uri(note.hero_image.get_rendition(SHARE_IMAGE).url)


def translation_links(request, note):
    """schema.org's link between a note and its live translations, in whichever direction applies.

    The original is the language wagtail-localize translated from (editors may write in English
    first); without a record of that, the site's default language.
    """
    translations = list(
        note.get_translations().live().filter(alias_of__isnull=True).select_related("locale")
    )
    if not translations:
        return {}
    source = (
        TranslationSource.objects.filter(object_id=note.translation_key)
        .order_by("created_at")
        .values_list("locale__language_code", flat=True)
        .first()
    ) or settings.LANGUAGE_CODE

    def work(page):
        url = absolute_url(request, page)
        return {"@type": "Article", "@id": url, "url": url, "inLanguage": page.locale.language_code}

    if note.locale.language_code == source:
        return {"workTranslation": [work(page) for page in translations]}
    original = next((page for page in translations if page.locale.language_code == source), None)
    return {"translationOfWork": work(original)} if original else {}


def article_json_ld(request, note, index, teams, tags):
    """The note as a schema.org Article, for search engines and link previews."""
    institution = {"@type": "Organization", "name": SiteSettings.for_request(request).institution_name}
    url = absolute_url(request, note)
    article = {
        "@context": "https://schema.org",
        "@type": "Article",
        "@id": url,
        "url": url,
        "mainEntityOfPage": url,
        "headline": note.title,
        "description": note.summary,
        "datePublished": note.first_published_at,
        "dateModified": note.last_published_at,
        "inLanguage": note.locale.language_code,
        "image": share_image_url(request, note),
        "author": [{"@type": "Organization", "name": team.name} for team in teams] or [institution],
        "publisher": institution,
        "keywords": [tag.name for tag in tags],
        "position": note.edition_number,
        "isPartOf": {"@type": "Periodical", "name": index.title, "url": absolute_url(request, index)},
        **translation_links(request, note),
    }
    return {key: value for key, value in article.items() if value not in (None, "", [])}
