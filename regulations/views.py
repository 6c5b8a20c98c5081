"""A regulation page's routes: the version in force on a date, one article, a comparison, a draft.

Every URL a citizen can cite names a date, not a version number: "article 12 as in force on
2025-03-01" stays valid whatever is amended later. A date is resolved to the version in
force on it; the version's own first day is its canonical URL.
"""

import datetime
from functools import partial

from django.http import Http404, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from . import comparison, documents
from .models import Provision, RegulationPage, Version
from .permissions import can_see_versions


def today():
    return timezone.localdate()


def parse_day(value):
    """A URL's date; an impossible one (2024-02-30) is a 404 like any unknown URL."""
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise Http404 from None


def published_versions(regulation):
    """Every published version, oldest first: the version list and date lookups share one query."""
    return list(regulation.versions.published().select_related("official_pdf").order_by("effective_from"))


def in_force_on(versions, day):
    """The version in force on `day` among `versions` (oldest first), or None before the first."""
    candidates = [version for version in versions if version.effective_from <= day]
    return candidates[-1] if candidates else None


def page_url(page, route, **kwargs):
    return page.url + page.reverse_subpage(route, kwargs=kwargs)


def version_url(page, version):
    return page_url(page, "in_force_on", day=version.date_slug)


def provision_url(page, version, label):
    return page_url(page, "provision", day=version.date_slug, label=label)


def text_language(page):
    """The language the regulation's text is in, and whether it differs from the page's."""
    language = page.regulation.text_language
    return {
        "text_language": language,
        "text_in_other_language": not (get_language() or "es").startswith(language),
    }


def build_tree(provisions):
    """Attach each provision's children (already in document order) and return the top level."""
    by_id = {provision.pk: provision for provision in provisions}
    roots = []
    for provision in provisions:
        provision.nodes = []
    for provision in provisions:
        parent = by_id.get(provision.parent_id)
        (parent.nodes if parent is not None else roots).append(provision)
    return roots


def version_summaries(page, versions, current=None):
    """The version list: each version's dates, status and link, the one shown marked."""
    day = today()
    return [
        {
            "version": version,
            "status": status,
            "status_label": status.label,
            "url": version_url(page, version),
            "current": current is not None and version.pk == current.pk,
        }
        for version in reversed(versions)
        for status in [Version.Status(version.status(day))]
    ]


def base_context(page, versions, version=None):
    return {
        "page": page,
        "regulation": page.regulation,
        "versions": version_summaries(page, versions, version),
        "compare_url": page_url(page, "compare_form"),
        **text_language(page),
    }


def json_response(document, status=200):
    return JsonResponse(document, status=status, json_dumps_params={"ensure_ascii": False})


def json_not_found(request, detail, having_it=()):
    """The JSON twin of the helpful 404: what is missing, and where it can be found."""
    document = {"error": "not_found", "detail": str(detail)}
    if having_it:
        document["found_in"] = [request.build_absolute_uri(entry["url"]) for entry in having_it]
    return json_response(document, status=404)


def json_twin(view, request, page, *args):
    """The JSON twin of a page view: whatever is not found (an impossible date too) answers a JSON 404."""
    try:
        return view(request, page, *args, as_json=True)
    except Http404:
        return json_not_found(request, _("Nothing here: check the date (YYYY-MM-DD) and the article's label."))


def version_page(request, page, day, as_json=False):
    """The whole text in force on `day` (today when None), with its table of contents."""
    versions = published_versions(page.regulation)
    on = today() if day is None else parse_day(day)
    version = in_force_on(versions, on)
    context = base_context(page, versions, version)
    if version is None:
        context.update({"day": on, "first": versions[0] if versions else None, "requested_day": day is not None})
        if as_json:
            return json_not_found(request, _("No version was in force on %(day)s.") % {"day": on.isoformat()})
        # The page itself says nothing is in force yet (200); a date before the first version is a helpful 404.
        status = 404 if day is not None else 200
        return TemplateResponse(request, "regulations/not_found.html", context, status=status)
    previous = in_force_on(versions, version.effective_from - datetime.timedelta(days=1))
    context.update(
        {
            "version": version,
            "status": version.status(today()),
            "day": on,
            "requested_day": day is not None,
            "tree": build_tree(list(version.provisions.all())),
            "base_url": version_url(page, version),
            "json_url": version_url(page, version) + "json/",
            "canonical_url": request.build_absolute_uri(version_url(page, version)),
            "comparison_with_previous": (
                page_url(page, "comparison", older=previous.date_slug, newer=version.date_slug) if previous else ""
            ),
        }
    )
    if as_json:
        permalink = partial(provision_url, page, version)
        return json_response(documents.text_document(request, page, version, context["base_url"], context["tree"], permalink))
    return TemplateResponse(request, "regulations/regulation_page.html", context)


def provision_page(request, page, day, label, as_json=False):
    """One article as in force on `day`, and the versions in which it changed."""
    versions = published_versions(page.regulation)
    on = parse_day(day)
    version = in_force_on(versions, on)
    context = base_context(page, versions, version)
    provision = version.provisions.filter(label=label).select_related("parent__parent").first() if version else None
    history, having_it = provision_history(page, versions, label, version)
    if provision is None and as_json:
        return json_not_found(request, _("No version in force on %(day)s has %(label)s.") % {"day": on.isoformat(), "label": label}, having_it)
    if provision is None:
        elsewhere = Provision.objects.filter(version__in=versions, label=label).first()
        context.update(
            {
                "day": on,
                "label": label,
                "citation": elsewhere.citation if elsewhere else label,
                "having_it": having_it,
                "version_url": version_url(page, version) if version else "",
            }
        )
        return TemplateResponse(request, "regulations/not_found.html", context, status=404)
    siblings = list(
        version.provisions.filter(kind__in=comparison.TEXT_KINDS).order_by("position").values_list("label", flat=True)
    )
    position = siblings.index(label)
    context.update(
        {
            "version": version,
            "status": version.status(today()),
            "day": on,
            "provision": provision,
            "ancestors": ancestors(provision),
            "history": history,
            "version_url": version_url(page, version),
            "previous_url": provision_url(page, version, siblings[position - 1]) if position > 0 else "",
            "next_url": provision_url(page, version, siblings[position + 1]) if position + 1 < len(siblings) else "",
            "canonical_url": request.build_absolute_uri(provision_url(page, version, label)),
            "json_url": provision_url(page, version, label) + "json/",
        }
    )
    if as_json:
        permalink = partial(provision_url, page, version)
        return json_response(
            documents.article_document(request, page, version, context["version_url"], provision, permalink, context["history"])
        )
    return TemplateResponse(request, "regulations/provision_page.html", context)


def provision_history(page, versions, label, current=None):
    """How `label` fared across the published versions (oldest first), in one query: the versions in
    which it appeared, changed or was removed (newest first, `current` marked), and those that have it."""
    changes = comparison.history(label, versions)
    history = [
        {
            "version": entry,
            "status": "original" if number == 0 and status == comparison.ADDED else status,
            "url": provision_url(page, entry, label) if status not in (None, comparison.REMOVED) else "",
            "current": current is not None and entry.pk == current.pk,
        }
        for number, (entry, status) in reversed(list(enumerate(changes)))
        if status in (comparison.ADDED, comparison.CHANGED, comparison.REMOVED)
    ]
    having_it = [
        {"version": entry, "url": provision_url(page, entry, label)}
        for entry, status in changes
        if status not in (None, comparison.REMOVED)
    ]
    return history, having_it


def ancestors(provision):
    """The título and párrafo an article sits in, outermost first (loaded with the article)."""
    chain, node = [], provision.parent
    while node is not None:
        chain.insert(0, node)
        node = node.parent
    return chain


def provision_today(request, page, label):
    """A short link to an article today → its citable URL in the version in force today."""
    version = in_force_on(published_versions(page.regulation), today())
    if version is None:
        raise Http404
    return redirect(provision_url(page, version, label))


def comparison_page(request, page, older, newer, as_json=False):
    """What changed between the versions in force on two dates: articles added, removed, changed."""
    versions = published_versions(page.regulation)
    older_day, newer_day = parse_day(older), parse_day(newer)
    if older_day > newer_day:
        return redirect(page_url(page, "comparison_json" if as_json else "comparison", older=newer, newer=older))
    older_version, newer_version = in_force_on(versions, older_day), in_force_on(versions, newer_day)
    if older_version is None or newer_version is None:
        if as_json:
            return json_not_found(request, _("No version was in force on one of these dates."))
        raise Http404
    context = base_context(page, versions, newer_version)
    context.update(comparison_context(page, older_version, newer_version))
    context["json_url"] = page_url(page, "comparison_json", older=older, newer=newer)
    if as_json:
        return json_response(documents.comparison_document(request, page, context))
    return TemplateResponse(request, "regulations/comparison_page.html", context)


def comparison_context(page, older_version, newer_version):
    result = comparison.compare(older_version, newer_version)
    return {
        "comparison": result,
        "older": older_version,
        "newer": newer_version,
        "older_url": version_url(page, older_version),
        "newer_url": version_url(page, newer_version) if newer_version.is_published else "",
        "same_version": older_version.pk == newer_version.pk,
    }


def compare_form(request, page):
    """The comparison form's GET target: two version dates → the comparison's citable URL."""
    versions = published_versions(page.regulation)
    dates = {version.date_slug for version in versions}
    chosen = request.GET.get("from", ""), request.GET.get("to", "")
    if all(value in dates for value in chosen):
        older, newer = sorted(chosen)
        return redirect(page_url(page, "comparison", older=older, newer=newer))
    context = base_context(page, versions)
    if not any(chosen):  # the form on its own: the latest version and the one before it, chosen
        return TemplateResponse(request, "regulations/compare_form.html", context)
    context.update({"form_error": _("Choose two versions to compare."), "chosen": chosen})
    return TemplateResponse(request, "regulations/compare_form.html", context, status=400)


def draft_page(request, page, version_id):
    """A draft as it will read once published, for whoever may read versions; the public gets a 404."""
    if not can_see_versions(request.user):
        raise Http404
    draft = page.regulation.versions.drafts().filter(pk=version_id).first()
    if draft is None:
        raise Http404
    versions = published_versions(page.regulation)
    context = base_context(page, versions)
    context.update(
        {
            "version": draft,
            "status": draft.status(),
            "is_draft": True,
            "tree": build_tree(list(draft.provisions.all())),
        }
    )
    amended = page.regulation.version_amended_by(draft.effective_from)
    if amended is not None:
        context.update(comparison_context(page, amended, draft))
    response = TemplateResponse(request, "regulations/regulation_page.html", context)
    response["X-Robots-Tag"] = "noindex"
    add_never_cache_headers(response)
    return response


def regulation_rows(index_page):
    """The index's regulations in the page's language, each with its version in force today (two queries)."""
    pages = list(
        RegulationPage.objects.child_of(index_page).live().public().select_related("regulation").order_by("path")
    )
    in_force = in_force_today(pages)
    return [
        {"page": page, "regulation": page.regulation, "in_force": in_force.get(page.regulation_id)}
        for page in pages
    ]


def in_force_today(pages):
    """{regulation id: its version in force today} for the regulations of `pages`, in one query."""
    return {
        version.regulation_id: version
        for version in Version.objects.in_force_on(today()).filter(regulation__in=[page.regulation_id for page in pages])
    }
