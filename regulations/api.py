"""/api/v1/regulations/: the procurement regulations as JSON, for journalists' scripts.

The same answers as the pages (regulations/views.py resolves dates to versions, builds trees,
histories and comparisons for both): which regulations there are, their versions, the text in
force on a date, one article as in force on a date, and what changed between two dates. Only
published versions of public regulation pages are shown; addresses name dates, never version
numbers, so "article 12 as in force on 2025-03-01" stays the same link whatever is amended later.

Every operation costs a fixed number of queries, however long the regulation.
"""

import datetime
import html
import re
import uuid
from typing import Annotated, Literal

from django.conf import settings
from django.db.models import Max
from django.http import HttpResponse
from django.template.loader import get_template
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from ninja import Field, Path, Query, Router, Schema
from ninja.errors import HttpError
from wagtail.rich_text import expand_db_html

from portal.api.common import ERRORS, absolute, public_pages, set_last_modified
from portal.html import with_absolute_urls

from . import comparison, documents, views
from .models import DATE_PATTERN, LABEL_PATTERN, Provision, Regulation, RegulationPage, Version
from .templatetags.regulation_tags import redline as redline_html

router = Router(tags=["Reglamentos"])

MAX_ID = 2**31 - 1  # page ids are 32-bit integers in the database; a larger one is a 400, not a 500
DAY = re.compile(DATE_PATTERN)
LABEL = re.compile(LABEL_PATTERN)
LABEL_LENGTH = 80  # Provision.label's max_length
LOCALES = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]

PageId = Annotated[
    int, Path(ge=1, le=MAX_ID, description="The regulation page's id, as `id` in the list (each language's page has its own).")
]
Day = Annotated[
    str,
    Path(
        description="A date, YYYY-MM-DD: the answer is the version in force on that day.",
        example="2025-03-01",
    ),
]


# Schemas: the OpenAPI documentation journalists read.


class RegulationAct(Schema):
    type: Literal[tuple(Version.ActType.values)] = Field(description="The kind of act that made the version.")
    type_label: str = Field(description="That kind, in words: “Exempt resolution”.")
    number: str = Field(description="Its number, as printed: “1.245”. Empty when not given.")
    date: datetime.date | None = Field(description="The date of the act.")
    url: str | None = Field(description="The act in the Diario Oficial or the institution's repository.")
    reference: str = Field(
        description="How citations name it: “Exempt resolution No. 412 of June 11, 2024”. Empty when neither number nor date is known."
    )


class RegulationVersion(Schema):
    effective_from: datetime.date = Field(description="The first day this text was in force.")
    effective_to: datetime.date | None = Field(
        description="The last day it was in force (the day before the next version took effect); null while no later version is published."
    )
    status: Literal["future", "in_force", "superseded"] = Field(
        description="Today: `future` before its first day, `in_force`, or `superseded` by a later version. Follows the calendar."
    )
    status_label: str = Field(description="The status in words.")
    act: RegulationAct = Field(description="The act (resolution, decree…) that approved this text.")
    summary: str = Field(description="What this version changed, in one or two sentences, as the officers wrote it.")
    official_pdf: str | None = Field(description="The official PDF, when the institution published one.")
    published_at: datetime.datetime = Field(description="When the version was published on the portal.")
    url: str = Field(description="The web page of the whole text of this version.")
    api_url: str = Field(description="This version's text in the API.")


class RegulationVersionLink(Schema):
    effective_from: datetime.date = Field(description="The first day that version was in force.")
    url: str = Field(description="Its web page.")
    api_url: str = Field(description="Its text in the API.")


class RegulationItem(Schema):
    id: int = Field(description="The regulation page's id: stable through edits and renames. The Spanish and English pages have different ids.")
    translation_key: uuid.UUID = Field(description="Shared by the Spanish and English pages of the same regulation.")
    locale: str = Field(description="The page's language: es or en.")
    title: str = Field(description="The page's title.")
    name: str = Field(description="The norm's official name, as its text calls itself (the same in every language).")
    kind: Literal[tuple(Regulation.Kind.values)] = Field(description="`regulation`, `manual` (of procedures) or `other` norm.")
    kind_label: str = Field(description="The kind, in words.")
    text_language: str = Field(description="The language the text is written in (usually es, also on English pages).")
    summary: str = Field(description="What the regulation governs and whom it concerns, as plain text.")
    url: str = Field(description="The regulation's web page (the version in force today).")
    api_url: str = Field(description="The regulation's details and versions in the API.")
    in_force: RegulationVersionLink | None = Field(description="The version in force today; null before the first one takes effect.")
    last_published_at: datetime.datetime = Field(description="The last time a change to the page was published.")


class RegulationList(Schema):
    count: int = Field(description="How many regulation pages are listed.")
    items: list[RegulationItem] = Field(description="The regulation pages, in the site's order (Spanish first).")


class RegulationDetail(RegulationItem):
    description_html: str = Field(description="The page's introduction as HTML, with absolute links.")
    translations: dict[str, str] = Field(description="Language → the published page in that language (this one included).")
    translation_ids: dict[str, int] = Field(description="Language → that page's id in the API.")
    versions: list[RegulationVersion] = Field(description="Every published version, newest first; drafts are never shown.")


class RegulationRef(Schema):
    id: int = Field(description="The regulation page's id.")
    title: str = Field(description="The page's title.")
    locale: str = Field(description="The page's language: es or en.")
    text_language: str = Field(description="The language the text of the regulation is written in.")
    url: str = Field(description="The regulation's web page.")
    api_url: str = Field(description="The regulation's details and versions in the API.")


class RegulationLetra(Schema):
    id: str = Field(description="Its anchor on the article's page: `art-12-inciso-2-b`, for citing a letra.")
    text: str = Field(description="The letra's or item's text, its marker (“b)”) included.")


class RegulationInciso(Schema):
    id: str = Field(description="Its anchor on the article's page: `art-12-inciso-2`, for citing an inciso.")
    text: str = Field(description="The inciso's text (one paragraph).")
    items: list[RegulationLetra] = Field(description="Its letras and numbered items (“a)”, “1.”), in order.")


class RegulationProvision(Schema):
    kind: Literal[tuple(Provision.Kind.values)] = Field(
        description="`title`, `chapter`, `paragraph` and `transitory` (the transitory provisions) hold other "
        "provisions; `article` and `annex` hold text."
    )
    label: str = Field(description="Stable across versions: `titulo-2`, `art-12`, `art-12-bis`, `art-1-transitorio`, `anexo-1`.")
    number: str = Field(description="As the label has it: “12”, “12 bis”, “primero”; empty for unnumbered provisions.")
    transitory: bool = Field(description="A transitory article.")
    citation: str = Field(description="How to name it: “Article 12 bis”, “Transitory article 1°”, “Title II”.")
    heading: str = Field(description="Its heading: “Compra ágil”, “DE LOS PROCEDIMIENTOS”.")
    text: str | None = Field(description="Articles and annexes: the text, one inciso per line. Null for structure.")
    text_html: str | None = Field(description="The same text as the page shows it: one <p> per inciso, letras in a <ul>, anchors as ids.")
    incisos: list[RegulationInciso] | None = Field(description="Articles and annexes: the text split in incisos and letras, for citing them.")
    url: str | None = Field(description="Articles and annexes: the permalink of this text as in force on this version's dates.")
    api_url: str | None = Field(description="Articles and annexes: the same in the API.")
    children: list["RegulationProvision"] = Field(description="The provisions it holds, in order (empty for articles and annexes).")


RegulationProvision.model_rebuild()


class RegulationVersionText(Schema):
    regulation: RegulationRef = Field(description="The regulation page this text belongs to.")
    day: datetime.date = Field(description="The date asked for.")
    version: RegulationVersion = Field(description="The version in force on that day.")
    preamble: str = Field(description="What precedes the first heading: VISTOS, CONSIDERANDO, RESUELVO.")
    article_count: int = Field(description="How many articles (transitory ones included) this version has; annexes not counted.")
    provisions: list[RegulationProvision] = Field(description="The tree: títulos, párrafos and the articles in them, then the transitory provisions and annexes.")


class RegulationAncestor(Schema):
    kind: str = Field(description="`title`, `chapter`, `paragraph` or `transitory`.")
    label: str = Field(description="Its label, the anchor of its heading on the version's page: `titulo-2`.")
    citation: str = Field(description="“Title II”, “Paragraph 1°”.")
    heading: str = Field(description="Its heading: “DE LOS PROCEDIMIENTOS”.")


class RegulationArticleChange(Schema):
    effective_from: datetime.date = Field(description="The version's first day.")
    change: Literal["original", "added", "changed", "removed"] = Field(
        description="`original`: in the first version; `added` by, `changed` by or `removed` by that version."
    )
    url: str | None = Field(description="The article as in that version (null when it was removed).")
    api_url: str | None = Field(description="The article as in that version, in the API (null when it was removed).")


class RegulationArticle(Schema):
    regulation: RegulationRef = Field(description="The regulation page this article belongs to.")
    day: datetime.date = Field(description="The date asked for.")
    version: RegulationVersion = Field(description="The version in force on that day.")
    cite_as: str = Field(
        description="A full citation in the page's language: “Article 12, Reglamento de compras, as in force on March 1, 2025.”"
    )
    url: str = Field(description="The permalink to cite: this article as in the version in force on that day.")
    within: list[RegulationAncestor] = Field(description="The título, capítulo and párrafo it sits in, outermost first.")
    article: RegulationProvision = Field(description="The article itself: its number, heading, text and incisos.")
    changed_in: list[RegulationArticleChange] = Field(description="The versions in which this article appeared, changed or was removed, newest first.")


class RedlineSegment(Schema):
    operation: Literal["equal", "delete", "insert"] = Field(description="`equal`: kept; `delete`: only in the older text; `insert`: only in the newer.")
    text: str = Field(description="The run's words, spaces and line breaks as they are.")


class RegulationChange(Schema):
    label: str = Field(description="The article's or annex's label, the same in both versions.")
    change: Literal["added", "removed", "changed", "unchanged"] = Field(description="What the newer version did to it.")
    citation: str = Field(description="“Article 3°”, as the newer version has it (the older, if removed).")
    heading: str = Field(description="Its heading, as the newer version has it (the older, if removed).")
    older_text: str | None = Field(description="The text in the older version; null when added or unchanged.")
    newer_text: str | None = Field(description="The text in the newer version; null when removed or unchanged.")
    redline: list[RedlineSegment] = Field(description="Changed ones: the newer text as runs of kept, deleted and inserted words (heading first).")
    redline_html: str | None = Field(
        description="Changed ones: the same as HTML, deletions in <del>, insertions in <ins>, each also named for screen readers."
    )
    older_url: str | None = Field(description="The article's permalink in the older version (null when added).")
    newer_url: str | None = Field(description="The article's permalink in the newer version (null when removed).")
    older_api_url: str | None = Field(description="The same in the API.")
    newer_api_url: str | None = Field(description="The same in the API.")


class RegulationChangeCounts(Schema):
    added: int = Field(description="Only in the newer version.")
    removed: int = Field(description="Only in the older version.")
    changed: int = Field(description="In both, with different words.")
    unchanged: int = Field(description="In both, word for word (spacing aside).")


class RegulationComparison(Schema):
    regulation: RegulationRef = Field(description="The regulation page compared.")
    older: RegulationVersion = Field(description="The version in force on the older date.")
    newer: RegulationVersion = Field(description="The version in force on the newer date.")
    same_version: bool = Field(description="Both dates fall in the same version: nothing changed between them.")
    counts: RegulationChangeCounts = Field(description="How many articles and annexes were added, removed, changed and left unchanged.")
    changes: list[RegulationChange] = Field(description="Every article and annex of either version, in the newer version's order (removed ones where they were).")
    url: str = Field(description="The comparison's web page.")


# Parameters


def parse_day(value, name="day"):
    """A path's date, strictly YYYY-MM-DD: an impossible one (2025-02-30) is the client's mistake, a 400."""
    try:
        if DAY.fullmatch(value):
            return datetime.date.fromisoformat(value)
    except ValueError:
        pass
    raise HttpError(
        400,
        _("%(name)s: “%(value)s” is not a date. Write it as YYYY-MM-DD, e.g. 2025-03-01.")
        % {"name": name, "value": Truncator(value).chars(40)},
    )


def check_label(value):
    if len(value) > LABEL_LENGTH or not LABEL.fullmatch(value):
        raise HttpError(
            400,
            _("label: “%(value)s” is not an article's label. Labels look like art-12, art-12-bis, art-1-transitorio or anexo-1.")
            % {"value": Truncator(value).chars(40)},
        )
    return value


# Lookups shared by the operations


def regulation_pages():
    return RegulationPage.objects.filter(pk__in=public_pages()).select_related("regulation", "locale")


def regulation_page(page_id):
    """The public regulation page with this id, and its published versions (oldest first): three queries
    (the site's view restrictions, the page with its regulation and locale, the versions with their PDFs)."""
    page = regulation_pages().filter(pk=page_id).first()
    if page is None:
        raise HttpError(404, _("There is no published regulation with the id %(id)s. See /api/v1/regulations for the list.") % {"id": page_id})
    return page, views.published_versions(page.regulation)


def version_on(versions, day):
    """The version in force on `day`, or a 404 that says when the first one took effect."""
    version = views.in_force_on(versions, day)
    if version is not None:
        return version
    if versions:
        detail = " ".join(
            [
                _("No version was in force on %(day)s.") % {"day": day.isoformat()},
                _("The first version took effect on %(day)s.") % {"day": versions[0].date_slug},
            ]
        )
    else:
        detail = _("This regulation has no published version yet.")
    raise HttpError(404, detail)


def last_change(pages):
    """Last-Modified: the newest publication of the pages, or save of any version of their regulations (one query).

    Drafts count too: withdrawing a version turns it back into a draft, and Last-Modified must move
    forward then, or a client revalidating with If-Modified-Since would keep the withdrawn text.
    (Publishing a version saves it, and a later version changes the earlier ones' effective_to.)
    """
    regulations = {page.regulation_id for page in pages}
    saved = Version.objects.filter(regulation__in=regulations).aggregate(latest=Max("updated_at"))["latest"]
    return max(filter(None, [saved, *(page.last_published_at for page in pages)]), default=None)


def api_url(request, name, **kwargs):
    return absolute(request, reverse(f"api_v1:{name}", kwargs=kwargs))


# Documents


def page_url(request, page):
    return absolute(request, page.get_url(request))


def summary(page):
    """The search description the editors wrote, else the introduction as plain text."""
    return page.search_description or " ".join(html.unescape(strip_tags(page.intro)).split())


def regulation_ref(request, page):
    return {
        "id": page.pk,
        "title": page.title,
        "locale": page.locale.language_code,
        "text_language": page.regulation.text_language,
        "url": page_url(request, page),
        "api_url": api_url(request, "regulation_detail", page_id=page.pk),
    }


def regulation_item(request, page, in_force):
    regulation = page.regulation
    return {
        **regulation_ref(request, page),
        "translation_key": page.translation_key,
        "name": regulation.name,
        "kind": regulation.kind,
        "kind_label": regulation.get_kind_display(),
        "summary": summary(page),
        "in_force": version_link(request, page, in_force) if in_force else None,
        "last_published_at": page.last_published_at,
    }


def version_link(request, page, version):
    return {
        "effective_from": version.effective_from,
        "url": absolute(request, views.version_url(page, version)),
        "api_url": api_url(request, "regulation_version", page_id=page.pk, day=version.date_slug),
    }


def version_out(request, page, version, today):
    status = Version.Status(version.status(today))
    return {
        **version_link(request, page, version),
        "effective_to": version.effective_to,
        "status": status.value,
        "status_label": str(status.label),
        "act": {
            "type": version.act_type,
            "type_label": version.get_act_type_display(),
            "number": version.act_number,
            "date": version.act_date,
            "url": version.act_url or None,
            "reference": str(version.act),
        },
        "summary": version.summary,
        "official_pdf": absolute(request, version.official_pdf.url) if version.official_pdf else None,
        "published_at": version.published_at,
    }


class Links:
    """A version's article addresses, web and API: each built once with a placeholder label, which each
    article's label then replaces (resolving a page's URL costs a millisecond; a long text has hundreds)."""

    PLACEHOLDER = "art-0"

    def __init__(self, request, page, version):
        self.web = absolute(request, views.provision_url(page, version, self.PLACEHOLDER))
        self.api = api_url(request, "regulation_article", page_id=page.pk, day=version.date_slug, label=self.PLACEHOLDER)

    @classmethod
    def swap(cls, pattern, label):
        head, _placeholder, tail = pattern.rpartition(f"/{cls.PLACEHOLDER}")
        return f"{head}/{label}{tail}"

    def url(self, label):
        return self.swap(self.web, label)

    def api_url(self, label):
        return self.swap(self.api, label)


TEXT_TEMPLATE = "regulations/includes/provision_text.html"


def provision_out(provision, links, text_language, template):
    """One node of the tree, with its children (`provision.nodes`, from views.build_tree)."""
    document = {
        **documents.provision_identity(provision),
        "text": None,
        "text_html": None,
        "incisos": None,
        "url": None,
        "api_url": None,
        "children": [provision_out(child, links, text_language, template) for child in getattr(provision, "nodes", [])],
    }
    if provision.kind in comparison.TEXT_KINDS:
        document.update(
            {
                "text": provision.text,
                "text_html": template.render({"provision": provision, "text_language": text_language}).strip(),
                "incisos": provision.incisos(),
                "url": links.url(provision.label),
                "api_url": links.api_url(provision.label),
            }
        )
    return document


# Operations


@router.get("", response={200: RegulationList, **ERRORS}, url_name="regulations", summary="Regulations")
def regulations(
    request,
    response: HttpResponse,
    locale: Annotated[Literal[tuple(LOCALES)] | None, Query(description="Only the pages in this language: es or en.")] = None,
):
    """Every regulation the institution publishes, one item per language's page, with the version in force today.

    The text of a regulation is the same on its Spanish and English pages; `translation_key` pairs them.
    """
    pages = regulation_pages().order_by("path")
    if locale:
        pages = pages.filter(locale__language_code=locale)
    pages = list(pages)
    in_force = views.in_force_today(pages)
    set_last_modified(response, last_change(pages))
    items = []
    for page in pages:
        with translation.override(page.locale.language_code):
            items.append(regulation_item(request, page, in_force.get(page.regulation_id)))
    return {"count": len(items), "items": items}


@router.get(
    "/{int:page_id}", response={200: RegulationDetail, **ERRORS}, url_name="regulation_detail", summary="A regulation and its versions"
)
def regulation_detail(request, response: HttpResponse, page_id: PageId):
    """A regulation's page, its translations and every published version with its status, act and official PDF."""
    page, versions = regulation_page(page_id)
    today = views.today()
    translations = list(
        regulation_pages().filter(translation_key=page.translation_key).order_by("locale__language_code")
    )
    set_last_modified(response, last_change(translations))
    in_force = views.in_force_on(versions, today)
    with translation.override(page.locale.language_code):
        document = regulation_item(request, page, in_force)
        return {
            **document,
            "description_html": with_absolute_urls(expand_db_html(page.intro), document["url"]),
            "translations": {other.locale.language_code: page_url(request, other) for other in translations},
            "translation_ids": {other.locale.language_code: other.pk for other in translations},
            "versions": [version_out(request, page, version, today) for version in reversed(versions)],
        }


@router.get(
    "/{int:page_id}/versions/{day}",
    response={200: RegulationVersionText, **ERRORS},
    url_name="regulation_version",
    summary="The text in force on a date",
)
def regulation_version(request, response: HttpResponse, page_id: PageId, day: Day):
    """The whole text in force on `day` as a tree of títulos, párrafos, articles and annexes, each article
    with its permalink: cite the article's `url`, which names the version's first day."""
    on = parse_day(day)
    page, versions = regulation_page(page_id)
    version = version_on(versions, on)
    set_last_modified(response, last_change([page]))
    provisions = list(version.provisions.all())
    tree = views.build_tree(provisions)
    links, template = Links(request, page, version), get_template(TEXT_TEMPLATE)
    language = page.regulation.text_language
    with translation.override(page.locale.language_code):
        return {
            "regulation": regulation_ref(request, page),
            "day": on,
            "version": version_out(request, page, version, views.today()),
            "preamble": version.preamble,
            "article_count": sum(1 for provision in provisions if provision.kind == Provision.Kind.ARTICLE),
            "provisions": [provision_out(node, links, language, template) for node in tree],
        }


@router.get(
    "/{int:page_id}/versions/{day}/articles/{label}",
    response={200: RegulationArticle, **ERRORS},
    url_name="regulation_article",
    summary="One article as in force on a date",
)
def regulation_article(
    request,
    response: HttpResponse,
    page_id: PageId,
    day: Day,
    label: Annotated[str, Path(description="The article's or annex's label: art-12, art-12-bis, art-1-transitorio, anexo-1.")],
):
    """One article (or annex) as in force on `day`, with the versions in which it changed: what to link
    when writing "article 12 as in force on 1 March 2025"."""
    on, label = parse_day(day), check_label(label)
    page, versions = regulation_page(page_id)
    version = version_on(versions, on)
    provision = version.provisions.filter(label=label).select_related("parent__parent").first()
    history, having_it = views.provision_history(page, versions, label, version)
    if provision is None:
        detail = _("The version in force on %(day)s has no article labelled “%(label)s”.") % {"day": on.isoformat(), "label": label}
        if having_it:
            detail += " " + _("These versions have it: %(dates)s.") % {
                "dates": ", ".join(entry["version"].date_slug for entry in having_it)
            }
        raise HttpError(404, detail)
    set_last_modified(response, last_change([page]))
    links = Links(request, page, version)
    language = page.regulation.text_language
    with translation.override(page.locale.language_code):
        article = provision_out(provision, links, language, get_template(TEXT_TEMPLATE))
        return {
            "regulation": regulation_ref(request, page),
            "day": on,
            "version": version_out(request, page, version, views.today()),
            "cite_as": _("%(title)s, as in force on %(day)s.")
            % {"title": f"{provision.citation}, {page.regulation.name}", "day": date_format(on)},
            "url": article["url"],
            "within": [
                {"kind": node.kind, "label": node.label, "citation": node.citation, "heading": node.heading}
                for node in views.ancestors(provision)
            ],
            "article": article,
            "changed_in": [
                {
                    "effective_from": entry["version"].effective_from,
                    "change": entry["status"],
                    "url": absolute(request, entry["url"]) if entry["url"] else None,
                    "api_url": api_url(request, "regulation_article", page_id=page.pk, day=entry["version"].date_slug, label=label)
                    if entry["url"]
                    else None,
                }
                for entry in history
            ],
        }


@router.get(
    "/{int:page_id}/compare/{older}/{newer}",
    response={200: RegulationComparison, **ERRORS},
    url_name="regulation_comparison",
    summary="What changed between two dates",
)
def regulation_comparison(
    request,
    response: HttpResponse,
    page_id: PageId,
    older: Annotated[str, Path(description="The earlier date, YYYY-MM-DD.", example="2023-04-01")],
    newer: Annotated[str, Path(description="The later date, YYYY-MM-DD.", example="2024-07-01")],
):
    """The versions in force on two dates compared article by article (matched by label): which were
    added, removed, changed (with a word-level redline) and how many were left unchanged."""
    older_day, newer_day = parse_day(older, "older"), parse_day(newer, "newer")
    if older_day >= newer_day:
        raise HttpError(
            400,
            _("older (%(older)s) must be a date before newer (%(newer)s).") % {"older": older_day.isoformat(), "newer": newer_day.isoformat()},
        )
    page, versions = regulation_page(page_id)
    older_version, newer_version = version_on(versions, older_day), version_on(versions, newer_day)
    set_last_modified(response, last_change([page]))
    context = views.comparison_context(page, older_version, newer_version)
    result = context["comparison"]
    older_links, newer_links = Links(request, page, older_version), Links(request, page, newer_version)
    with translation.override(page.locale.language_code):
        return {
            "regulation": regulation_ref(request, page),
            "older": version_out(request, page, older_version, views.today()),
            "newer": version_out(request, page, newer_version, views.today()),
            "same_version": context["same_version"],
            "counts": {status: len(result.with_status(status)) for status in ("added", "removed", "changed", "unchanged")},
            "changes": [change_out(change, older_links, newer_links) for change in result.changes],
            "url": absolute(request, views.page_url(page, "comparison", older=older_day.isoformat(), newer=newer_day.isoformat())),
        }


def change_out(change, older_links, newer_links):
    changed = change.status == comparison.CHANGED
    return {
        "label": change.label,
        "change": change.status,
        "citation": change.provision.citation,
        "heading": change.provision.heading,
        "older_text": change.older.text if change.older is not None and change.status != comparison.UNCHANGED else None,
        "newer_text": change.newer.text if change.newer is not None and change.status != comparison.UNCHANGED else None,
        "redline": [{"operation": segment.operation, "text": segment.text} for segment in change.redline],
        "redline_html": str(redline_html(change.redline)) if changed else None,
        "older_url": older_links.url(change.label) if change.older is not None else None,
        "newer_url": newer_links.url(change.label) if change.newer is not None else None,
        "older_api_url": older_links.api_url(change.label) if change.older is not None else None,
        "newer_api_url": newer_links.api_url(change.label) if change.newer is not None else None,
    }
