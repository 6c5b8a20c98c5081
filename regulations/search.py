"""Regulation articles in the portal's search: indexed per published version, found per version in force.

Every article and annex of every *published* version is indexed, once, whatever its dates;
which of them a search may return is decided at query time (`ArticlesInForce`), so a future
version becomes searchable on its date without reindexing, and a superseded one stops being
found. Provisions are saved with `bulk_create` (no signals), so `versions.py` calls
`index_version` and `unindex_version` itself, which write to each backend in bulk.
"""

import logging
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from elasticsearch.helpers import bulk, scan
from modelsearch.backends import get_search_backends_with_name
from modelsearch.backends.elasticsearchbase import ElasticsearchBaseSearchBackend
from modelsearch.query import MATCH_ALL

from .models import Provision, Version

# Wagtail's own indexing errors go to this logger, whose records the settings throttle to one
# per outage: ours are the same kind of message.
logger = logging.getLogger("modelsearch.index")


def each_backend(action, version):
    """`action(backend)` on every auto-updated backend, failing like Wagtail's signal handlers do:
    an Elasticsearch outage is logged (repair_search_index catches up), a database error raised."""
    for name, backend in get_search_backends_with_name(with_auto_update=True):
        try:
            action(backend)
        except Exception:
            logger.exception(
                "Exception raised while updating the articles of %r in the '%s' search backend", version, name
            )
            if not backend.catch_indexing_errors:
                raise


def index_version(version):
    """Publishing: the version's articles and annexes join every backend's index, in bulk."""
    provisions = list(Provision.get_indexed_objects().filter(version=version))
    each_backend(lambda backend: backend.add_bulk(Provision, provisions), version)


def unindex_version(version):
    """Withdrawing or discarding a version, or replacing a draft's text: none of its provisions stays indexed.

    On Elasticsearch the documents are found by version, so those of provisions already deleted
    go too (found, then deleted in bulk: the test servers' build lacks `_delete_by_query`);
    database backends delete the entries of its provisions.
    """

    def remove(backend):
        if isinstance(backend, ElasticsearchBaseSearchBackend):
            of_version = Provision.objects.filter(version_id=version.pk)
            query = backend.search(MATCH_ALL, of_version).query_compiler.get_query()
            index = backend.get_index_for_model(Provision).name
            hits = scan(backend.es, index=index, query={"query": query, "_source": False}, ignore_unavailable=True)
            actions = ({"_op_type": "delete", "_index": hit["_index"], "_id": hit["_id"]} for hit in hits)
            bulk(backend.es, actions, ignore_status=404)
        else:  # the database backend's entries, in one query
            entries = Provision._meta.get_field("index_entries").related_model.objects
            entries.filter(
                content_type=ContentType.objects.get_for_model(Provision),
                object_id__in=[str(pk) for pk in version.provisions.values_list("pk", flat=True)],
            ).delete()

    each_backend(remove, version)


@dataclass
class ArticlesInForce:
    """The articles a visitor may find today: those of each regulation's version in force, shown on
    the regulation's live, public page in the visitor's locale."""

    versions: dict  # version id → Version (its regulation selected)
    pages: dict  # regulation id → RegulationPage

    @classmethod
    def on(cls, day, pages):
        """`pages`: the RegulationPages the visitor may see; the first in tree order shows a regulation."""
        shown = {}
        for page in pages.order_by("path"):
            shown.setdefault(page.regulation_id, page)
        versions = Version.objects.in_force_on(day).filter(regulation_id__in=shown).select_related("regulation")
        return cls({version.pk: version for version in versions}, shown)

    def provisions(self, version_ids=None):
        """What a search may match: the provisions of these versions (by default all in force)."""
        return Provision.objects.filter(version_id__in=list(self.versions if version_ids is None else version_ids))

    def by_text_language(self):
        """Version ids grouped by the language their text is written in, to search it with that language's analysis."""
        groups = {}
        for version in self.versions.values():
            groups.setdefault(version.regulation.text_language, []).append(version.pk)
        return groups

    def text_language(self, provision):
        return self.versions[provision.version_id].regulation.text_language

    def page(self, provision):
        return self.pages[self.versions[provision.version_id].regulation_id]

    def title(self, provision):
        """The article as the visitor's language cites it, and its page: "Artículo 12 · Reglamento de compras"."""
        return f"{provision.citation} · {self.page(provision).title}"

    def subpath(self, provision):
        """The article's dated permalink below its page's URL: it keeps pointing at this text after an amendment."""
        version = self.versions[provision.version_id]
        kwargs = {"day": version.date_slug, "label": provision.label}
        return self.page(provision).reverse_subpage("provision", kwargs=kwargs)
