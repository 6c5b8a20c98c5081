"""One page's full content by type: its fields, the body both rendered (absolute links and images)
and as blocks, its translations and its public change history (the dates and notes its web page
shows: no editor names).

Datasets and regulations have their own endpoints (transparency/api.py, regulations/api.py).
"""

import datetime
from typing import Literal

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.utils import translation
from ninja import Field, Router, Schema
from wagtail.rich_text import expand_db_html

from faq import views as faq_views
from notes import views as notes_views
from portal.html import with_absolute_urls

from .common import ERRORS, absolute, public_pages, set_last_modified
from .content import PAGE_TYPES, ContentItem, content_types, serialize

router = Router(tags=["Content"])

GENERIC_TYPES = [name for name, (_model, operation) in PAGE_TYPES.items() if operation == "page_detail"]
RICH_TEXT_FIELDS = ["intro", "legal_basis"]  # shown before the body, in this order, where a type has them


class Block(Schema):
    type: str = Field(description="The block's kind: heading, paragraph, quote, image, embed, table, callout, document…")
    id: str | None
    value: object = Field(description="Its data as Wagtail's API gives it (rich text in its stored form).")
    html: str = Field(description="The block as the page shows it, with absolute URLs.")


class Publication(Schema):
    at: datetime.datetime = Field(description="When this version of the page was published.")
    note: str | None = Field(
        description="What changed, as the editors told readers (in the page's language); null for the first publication."
    )


class PageDetail(ContentItem):
    body_html: str = Field(description="The page's content as its web page shows it, with absolute URLs.")
    blocks: list[Block] = Field(description="The body's blocks, in order (empty for types without a body).")
    translations: dict[str, str] = Field(description="Language → the published translation's web page, this one included.")
    translation_ids: dict[str, int] = Field(description="Language → the translation's id in the API.")
    history: list[Publication] = Field(
        description="The page's change history, as its web page shows it, newest first: each publication the editors "
        "marked as a major change, with its note, and last the first publication. The first entry with a note is the "
        "page's “last updated” date; publications of minor changes (typos, links) are not listed."
    )


class Team(Schema):
    name: str


class Image(Schema):
    url: str
    alt: str
    width: int
    height: int


class NoteDetail(PageDetail):
    edition_number: int
    edition_month: str = Field(description="YYYY-MM.")
    teams: list[Team] = Field(description="The authoring teams, named in the note's language where translated.")
    hero_image: Image | None
    related: list[int] = Field(description="Ids of related notes: chosen by the editor, else sharing the most tags.")


class SourceLink(Schema):
    type: Literal["dataset", "regulation_article", "note"]
    kind: str = Field(description="The kind of source, in the question's language.")
    title: str
    url: str
    within: str = Field(description="An article's regulation; empty for other kinds.")


class QuestionDetail(PageDetail):
    last_reviewed: datetime.date = Field(description="When someone last checked that the answer is still right.")
    related_questions: list[int]
    see_also: list[SourceLink] = Field(description="Datasets, regulation articles or notes backing the answer.")


def rendered_blocks(request, page, base_url):
    body = getattr(page, "body", None)
    if body is None:
        return []
    context = {"page": page, "request": request}
    return [
        {
            "type": block.block_type,
            "id": block.id,
            "value": block.block.get_api_representation(block.value, context),
            "html": with_absolute_urls(str(block.render(context)), base_url),
        }
        for block in body
    ]


def body_html(request, page, base_url):
    parts = [expand_db_html(getattr(page, name)) for name in RICH_TEXT_FIELDS if getattr(page, name, "")]
    if getattr(page, "body", None) is not None:
        parts.append(render_to_string("portal/includes/streamfield.html", {"body": page.body, "page": page}, request))
    return with_absolute_urls("".join(parts), base_url)


def page_detail_fields(request, page, response):
    """The fields every type's details share, as a dict for the type's schema."""
    item = serialize(request, [page])[0]
    translations = list(page.get_translations(inclusive=True).live().public().filter(alias_of__isnull=True).select_related("locale"))
    set_last_modified(response, page.last_published_at)
    return {
        **item,
        "body_html": body_html(request, page, item["url"]),
        "blocks": rendered_blocks(request, page, item["url"]),
        "translations": {other.locale.language_code: absolute(request, other.get_url(request)) for other in translations},
        "translation_ids": {other.locale.language_code: other.pk for other in translations},
        "history": page.change_history,
    }


def published(page_id, *type_names):
    """The public page with this id if it is of one of these types, else a 404."""
    wanted = [pk for pk, name in content_types().items() if name in type_names]
    return get_object_or_404(public_pages().filter(content_type__in=wanted), pk=page_id).specific


@router.get("/pages/{int:page_id}", response={200: PageDetail, **ERRORS}, url_name="page_detail", summary="A page")
def page_detail(request, response: HttpResponse, page_id: int):
    """Home, standard, index and category pages."""
    page = published(page_id, *GENERIC_TYPES)
    with translation.override(page.locale.language_code):
        return page_detail_fields(request, page, response)


@router.get("/notes/{int:page_id}", response={200: NoteDetail, **ERRORS}, url_name="note_detail", summary="A monthly note")
def note_detail(request, response: HttpResponse, page_id: int):
    note = published(page_id, "note")
    with translation.override(note.locale.language_code):
        context = notes_views.note_context(request, note)
        image = note.hero_image.get_rendition("width-1200") if note.hero_image else None
        return {
            **page_detail_fields(request, note, response),
            "edition_number": note.edition_number,
            "edition_month": note.edition_month.strftime("%Y-%m"),
            "teams": [{"name": team.name} for team in context["teams"]],
            "hero_image": {"url": absolute(request, image.url), "alt": note.hero_alt, "width": image.width, "height": image.height}
            if image
            else None,
            "related": [related.pk for related in context["related_notes"]],
        }


@router.get(
    "/faq/questions/{int:page_id}", response={200: QuestionDetail, **ERRORS}, url_name="question_detail", summary="An FAQ question"
)
def question_detail(request, response: HttpResponse, page_id: int):
    """The question is the title; `body_html` is the answer."""
    question = published(page_id, "question")
    with translation.override(question.locale.language_code):
        fields = page_detail_fields(request, question, response)
        fields["body_html"] = with_absolute_urls(expand_db_html(question.answer), fields["url"])
        related = [faq_views.live_localized(block.value) for block in question.related_questions]
        return {
            **fields,
            "last_reviewed": question.last_reviewed,
            "related_questions": [page.pk for page in related if page is not None],
            "see_also": [
                {"type": link.block_type, "kind": str(link.kind), "title": link.title, "url": absolute(request, link.url), "within": link.within}
                for link in faq_views.see_also(request, question)
            ],
        }
