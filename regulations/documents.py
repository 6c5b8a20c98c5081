"""A version, an article and a comparison as JSON: what the pages show, for journalists' scripts.

Served at the same addresses as the pages with `json/` appended (…/2024-07-01/json/,
…/2024-07-01/art-12/json/, …/compare/2023-04-01/2024-07-01/json/). Every URL in them is
absolute, and every date ISO 8601.
"""

from . import comparison


def absolute(request, path):
    return request.build_absolute_uri(path)


def regulation_document(request, page):
    regulation = page.regulation
    return {
        "name": regulation.name,
        "kind": regulation.kind,
        "text_language": regulation.text_language,
        "url": absolute(request, page.url),
    }


def version_document(request, version, url):
    """A version's facts, without its text."""
    act = {"type": version.act_type, "number": version.act_number, "url": version.act_url or None}
    act["date"] = version.act_date.isoformat() if version.act_date else None
    return {
        "effective_from": version.effective_from.isoformat(),
        "effective_to": version.effective_to.isoformat() if version.effective_to else None,
        "status": version.status(),
        "act": act,
        "summary": version.summary,
        "official_pdf": absolute(request, version.official_pdf.url) if version.official_pdf else None,
        "published": version.published_at.isoformat() if version.published_at else None,
        "url": absolute(request, url),
    }


def provision_identity(provision):
    """What names a provision and places it in the text (the JSON downloads and the API share it)."""
    return {
        "kind": provision.kind,
        "label": provision.label,
        "number": provision.number,
        "transitory": provision.transitory,
        "citation": provision.citation,
        "heading": provision.heading,
    }


def provision_document(request, provision, permalink):
    """One node of the tree; `permalink(label)` gives an article's or annex's address."""
    document = provision_identity(provision)
    if provision.kind in comparison.TEXT_KINDS:
        document["url"] = absolute(request, permalink(provision.label))
        document["text"] = provision.text
        document["incisos"] = provision.incisos()
    else:
        document["children"] = [provision_document(request, child, permalink) for child in provision.nodes]
    return document


def text_document(request, page, version, url, tree, permalink):
    return {
        "regulation": regulation_document(request, page),
        "version": version_document(request, version, url),
        "preamble": version.preamble,
        "provisions": [provision_document(request, node, permalink) for node in tree],
    }


def article_document(request, page, version, url, provision, permalink, history):
    provision.nodes = []
    return {
        "regulation": regulation_document(request, page),
        "version": version_document(request, version, url),
        "article": provision_document(request, provision, permalink),
        "changed_in": [
            {"effective_from": entry["version"].effective_from.isoformat(), "change": entry["status"],
             "url": absolute(request, entry["url"]) if entry["url"] else None}
            for entry in history
        ],
    }


def comparison_document(request, page, context):
    result = context["comparison"]
    return {
        "regulation": regulation_document(request, page),
        "older": version_document(request, context["older"], context["older_url"]),
        "newer": version_document(request, context["newer"], context["newer_url"]),
        "changes": [
            {
                "label": change.label,
                "change": change.status,
                "citation": change.provision.citation,
                "older_text": change.older.text if change.older else None,
                "newer_text": change.newer.text if change.newer else None,
                "redline": [{"operation": s.operation, "text": s.text} for s in change.redline],
            }
            for change in result.changes
        ],
    }
