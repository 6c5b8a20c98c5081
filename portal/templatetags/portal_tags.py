"""Helpers for the base template: language versions, the main menu and schema.org JSON-LD."""

import json
from dataclasses import dataclass

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import Resolver404, resolve, translate_url
from django.utils.html import _json_script_escapes as JSON_SCRIPT_ESCAPES
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language_info
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, Site

register = template.Library()


@dataclass
class LanguageVersion:
    code: str
    name: str  # the language's own name, e.g. "English", "Español"
    url: str
    is_current: bool
    is_translation: bool  # False when we fall back to the home: the page has no translation


def _locale_homes(request):
    """The site's home page in every locale that has one, keyed by language code.

    Kept on the request: the header, the switcher and the hreflang links all need it.
    """
    if not hasattr(request, "_portal_locale_homes"):
        site = Site.find_for_request(request)
        homes = (
            Page.objects.filter(translation_key=site.root_page.translation_key).live()
            if site
            else Page.objects.none()
        )
        request._portal_locale_homes = {
            home.locale.language_code: home for home in homes.select_related("locale")
        }
    return request._portal_locale_homes


def language_versions(request, page=None):
    """Where each language's link should go for the page being shown (kept on the request:
    the switcher and the hreflang links both ask)."""
    key = page.pk if page is not None else None
    cache = request.__dict__.setdefault("_portal_language_versions", {})
    if key not in cache:
        cache[key] = _language_versions(request, page)
    return cache[key]


def _language_versions(request, page):
    """Where each language's link should go for the page being shown.

    The translation of the same page when there is a live one; otherwise that
    language's home page (and the template says there is no translation).
    Views that are not pages (search, API docs) are translated by their URL pattern;
    a path only Wagtail's catch-all would match (a 404) goes to the home instead.
    """
    current = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
    translations = {}
    if page is not None and page.pk:
        # Aliases share the translation key but show the source language's content.
        siblings = Page.objects.filter(
            translation_key=page.translation_key, alias_of__isnull=True
        ).live()
        translations = {p.locale.language_code: p for p in siblings.select_related("locale")}
    homes = _locale_homes(request)
    route = _route_within(request, page)
    versions = []
    for code, _name in settings.LANGUAGES:
        view_url = translate_url(request.get_full_path(), code) if page is None else None
        if view_url and _is_named_view(view_url):
            url, is_translation = view_url, True
        elif code in translations:
            url, is_translation = translations[code].get_url(request) + route, True
        elif code in homes:
            url, is_translation = homes[code].get_url(request), False
        else:
            continue
        versions.append(
            LanguageVersion(
                code=code,
                name=get_language_info(code)["name_local"],
                url=url,
                is_current=code == current,
                is_translation=is_translation,
            )
        )
    return versions


def _route_within(request, page):
    """The part of the path a routable page resolved itself (e.g. a dataset's "2026-03/"):
    its translations have the same routes, so the switcher keeps the reader where they are."""
    if not isinstance(page, RoutablePageMixin):
        return ""
    page_url = page.get_url(request) or ""
    return request.path[len(page_url) :] if page_url and request.path.startswith(page_url) else ""


def _is_named_view(path):
    """True for a URL of one of our own views, False for Wagtail's page catch-all."""
    try:
        return resolve(path.split("?")[0]).url_name != "wagtail_serve"
    except Resolver404:
        return False


@register.inclusion_tag("portal/tags/language_switcher.html", takes_context=True)
def language_switcher(context, landmark=True):
    """Links to this page in the other languages; `landmark=False` for a second copy (the footer's),
    so screen readers list one language navigation, not two with the same name."""
    request = context["request"]
    return {"versions": language_versions(request, context.get("page")), "landmark": landmark}


@register.inclusion_tag("portal/tags/hreflang_links.html", takes_context=True)
def hreflang_links(context):
    """<link rel="alternate" hreflang> for each real translation, with absolute URLs."""
    request = context["request"]
    versions = [v for v in language_versions(request, context.get("page")) if v.is_translation]
    default = next((v for v in versions if v.code == settings.LANGUAGE_CODE), None)
    return {
        "alternates": [(v.code, request.build_absolute_uri(v.url)) for v in versions],
        "x_default": request.build_absolute_uri(default.url) if default else None,
    }


@register.simple_tag(takes_context=True)
def locale_home(context):
    """The home page in the visitor's language, for the logo link and the main menu."""
    request = context["request"]
    homes = _locale_homes(request)
    return homes.get(getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)) or homes.get(
        settings.LANGUAGE_CODE
    )


@register.simple_tag(takes_context=True)
def breadcrumb_trail(context):
    """The published pages from the language's home down to the one above this page.

    The page itself joins the trail when a view shows something inside it (a dataset's month, a
    regulation's article or comparison), so the reader can go back to it. Views that are not pages
    (search, the API guide, a 404) have just the home above them; the home has no trail.
    """
    page = context.get("page")
    if page is None or not page.pk:
        home = locale_home(context)
        return [home] if home else []
    inside_page = bool(_route_within(context["request"], page))
    return list(page.get_ancestors(inclusive=inside_page).filter(depth__gt=1).live())


@register.inclusion_tag("portal/tags/main_menu.html", takes_context=True)
def main_menu(context, home):
    """Live pages under the home that editors marked "show in menus", then the search page; the
    current section marked.

    aria-current is "page" on the page itself and "true" on the section that contains it.
    """
    current = context.get("page")
    items = home.get_children().live().in_menu() if home else Page.objects.none()

    def aria_current(item):
        if current is None or not current.path.startswith(item.path):
            return None
        return "page" if current.pk == item.pk else "true"

    match = context["request"].resolver_match
    return {
        "items": [(item, aria_current(item)) for item in items],
        "searching": match is not None and match.url_name == "search",
    }


@register.simple_tag
def json_ld(data):
    """A schema.org <script type="application/ld+json">, escaped so no value can close the tag."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES)
    # Safe to mark (bandit B308/B703): <, > and & are escaped above, as Django's json_script does.
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # nosec B308, B703
