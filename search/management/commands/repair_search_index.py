"""Find and fix drift between the database and the Elasticsearch index, without a rebuild.

Wagtail's Elasticsearch backend logs and swallows indexing errors so that publishing
keeps working while Elasticsearch is down; the pages published, changed, unpublished
or deleted meanwhile are then wrong in the index until someone repairs it. A full
`update_index` would fix that too, but it reindexes everything; this command touches
only the documents that differ from what `update_index` would write.
"""

import json
from dataclasses import dataclass, field
from itertools import islice

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from elasticsearch import ApiError, Elasticsearch, TransportError
from elasticsearch.helpers import bulk, expand_action, scan
from modelsearch.backends import get_search_backend
from modelsearch.backends.elasticsearchbase import ElasticsearchBaseSearchBackend
from modelsearch.conf import get_app_config
from modelsearch.index import get_indexed_models
from modelsearch.management.commands.rebuild_modelsearch_index import group_models_by_index

DEFAULT_CHUNK_SIZE = 1000
EXAMPLES_SHOWN = 10
DRIFT_EXIT_CODE = 1  # --dry-run found drift
UNREPAIRABLE_EXIT_CODE = 2  # an index needs update_index, or Elasticsearch failed
KINDS = {"missing": gettext_lazy("missing"), "stale": gettext_lazy("stale"), "deleted": gettext_lazy("deleted")}


@dataclass
class Drift:
    """One content type's wrong documents: counts, and a few pks for operators to look at (-v 2)."""

    counts: dict = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    examples: dict = field(default_factory=lambda: {kind: [] for kind in KINDS})

    def add(self, kind, pk):
        self.counts[kind] += 1
        if len(self.examples[kind]) < EXAMPLES_SHOWN:
            self.examples[kind].append(str(pk))

    def __bool__(self):
        return any(self.counts.values())


def describe(counts):
    return ", ".join(
        [
            ngettext("%(count)d missing", "%(count)d missing", counts["missing"]) % {"count": counts["missing"]},
            ngettext("%(count)d stale", "%(count)d stale", counts["stale"]) % {"count": counts["stale"]},
            ngettext("%(count)d deleted", "%(count)d deleted", counts["deleted"]) % {"count": counts["deleted"]},
        ]
    )


def batches(iterable, size):
    iterator = iter(iterable)
    while batch := list(islice(iterator, size)):
        yield batch


def chunks_in_pk_order(queryset, size):
    """Keyset pagination: each chunk is one bounded query, and prefetches still apply."""
    queryset = queryset.order_by("pk")
    chunk = list(queryset[:size])
    while chunk:
        yield chunk
        chunk = list(queryset.filter(pk__gt=chunk[-1].pk)[:size])


def indexed_pks(model, pks):
    """Which of `pks` are among the objects `update_index` would index for `model`."""
    queryset = model.get_indexed_objects().prefetch_related(None).filter(pk__in=pks)
    return {str(pk) for pk in queryset.values_list("pk", flat=True)}


class IndexRepair:
    """Compares one index with the objects of the models stored in it, and repairs it unless dry_run."""

    def __init__(self, backend, index, models, chunk_size, dry_run):
        self.backend = backend
        self.es = backend.es
        self.index = index
        self.models = models
        self.chunk_size = chunk_size
        self.dry_run = dry_run
        self.serializer = self.es.transport.serializers.get_serializer("application/json")
        self.drift = {self.content_type(model): Drift() for model in models}

    def outdated_fields(self):
        """Fields the models declare that the index lacks or maps with another type.

        Elasticsearch creates an index with guessed mappings on the first write when
        update_index never built it, and search fields change with the code; documents
        written into such an index are not searchable as declared, so only a rebuild helps.
        """
        indexed = {}
        for index_mapping in self.es.indices.get_mapping(index=self.index.name).body.values():
            indexed.update(index_mapping["mappings"].get("properties", {}))
        return sorted(
            {
                name
                for model in self.models
                for name, declared in self.backend.mapping_class(model).get_mapping()["properties"].items()
                if indexed.get(name, {}).get("type") != declared["type"]
            }
        )

    def content_type(self, model):
        """The name a document's `_django_content_type` starts with when it belongs to `model`."""
        return self.backend.mapping_class(model).get_content_type()

    def run(self):
        for model in self.models:
            self.check_objects(model)
        self.check_documents()
        if not self.dry_run and any(self.drift.values()):
            self.index.refresh()
        return self.drift

    def as_stored(self, mapping, obj):
        """The `_source` that `update_index` would store for obj now.

        Its bulk helper drops metadata keys (e.g. "routing", "version") from the document,
        and its serializer turns dates and decimals into JSON: do the same, so only real
        differences count as stale.
        """
        _action, source = expand_action({"_id": mapping.get_document_id(obj), **mapping.get_document(obj)})
        return json.loads(self.serializer.dumps(source))

    def check_objects(self, model):
        """Missing and stale: objects the database says are indexed, compared with their documents."""
        mapping = self.backend.mapping_class(model)
        drift = self.drift[self.content_type(model)]
        # A pk a more specific model of this index also indexes belongs to that model's document.
        subclasses = [other for other in self.models if other is not model and issubclass(other, model)]
        for chunk in chunks_in_pk_order(model.get_indexed_objects(), self.chunk_size):
            pks = [obj.pk for obj in chunk]
            claimed = set().union(*(indexed_pks(subclass, pks) for subclass in subclasses))
            objects = [obj for obj in chunk if str(obj.pk) not in claimed]
            if not objects:
                continue
            ids = [mapping.get_document_id(obj) for obj in objects]
            docs = self.es.mget(index=self.index.name, ids=ids)["docs"]
            sources = {doc["_id"]: doc["_source"] for doc in docs if doc.get("found")}
            to_index = []
            for obj, doc_id in zip(objects, ids):
                if doc_id not in sources:
                    drift.add("missing", obj.pk)
                elif sources[doc_id] != self.as_stored(mapping, obj):
                    drift.add("stale", obj.pk)
                else:
                    continue
                to_index.append(obj)
            if to_index and not self.dry_run:
                self.index.add_items(model, to_index)

    def check_documents(self):
        """Deleted: documents whose pk no model of this index indexes any more."""
        hits = scan(
            self.es,
            index=self.index.name,
            query={"_source": ["pk", "_django_content_type"]},
            size=self.chunk_size,
        )
        for batch in batches(hits, self.chunk_size):
            unclaimed = {hit["_source"]["pk"] for hit in batch}
            for model in self.models:
                unclaimed -= indexed_pks(model, unclaimed)
            deleted = [hit for hit in batch if hit["_source"]["pk"] in unclaimed]
            for hit in deleted:
                # A document belongs to its most specific content type, the first one listed.
                owner = hit["_source"]["_django_content_type"][0]
                self.drift.setdefault(owner, Drift()).add("deleted", hit["_source"]["pk"])
            if deleted and not self.dry_run:
                bulk(
                    self.es,
                    ({"_op_type": "delete", "_id": hit["_id"]} for hit in deleted),
                    index=self.index.name,
                    ignore_status=404,
                )


class Command(BaseCommand):
    @property
    def help(self):
        """Translated when the parser is built, in the active language."""
        return _(
            "Report and repair drift between the database and the Elasticsearch search index without "
            "a full rebuild: documents missing for indexed objects, documents that are stale (differ "
            "from what update_index would write now) and documents left over from deleted objects. "
            "Run it after Elasticsearch was unreachable while editors worked. update_index still does "
            "full rebuilds, and must rebuild an index that does not exist or whose mapping no longer "
            "matches the search fields. Exit status: 0 when the index is in sync or was repaired; 1 "
            "when --dry-run found drift (for monitoring); 2 when an index must be rebuilt with "
            "update_index or Elasticsearch failed."
        )

    def add_arguments(self, parser):
        parser.add_argument(
            "--backend",
            dest="backend_name",
            help=_("Check only this search backend (default: every configured backend)."),
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help=_("Report drift without changing the index; exit with status 1 if there is any."),
        )
        parser.add_argument(
            "--chunk-size",
            type=int,
            default=DEFAULT_CHUNK_SIZE,
            help=_("Objects and documents compared per batch (default: %(default)s)."),
        )

    def handle(self, *, backend_name, dry_run, chunk_size, verbosity, **options):
        if chunk_size < 1:
            raise CommandError(_("--chunk-size must be a positive number."))
        configured = list(get_app_config().get_search_backend_config())
        if backend_name and backend_name not in configured:
            raise CommandError(
                _('There is no search backend "%(name)s"; configured: %(configured)s.')
                % {"name": backend_name, "configured": ", ".join(configured)}
            )
        self.verbosity = verbosity
        drift_found = unrepairable = False
        for name in [backend_name] if backend_name else configured:
            backend = get_search_backend(name)
            if not isinstance(backend, ElasticsearchBaseSearchBackend):
                self.say(_('Search backend "%(name)s" does not use Elasticsearch: nothing to repair.') % {"name": name})
                continue
            if not isinstance(backend.es, Elasticsearch):  # OpenSearch backends use another client
                self.stderr.write(
                    _('Search backend "%(name)s" does not use the elasticsearch client; rebuild it with update_index.')
                    % {"name": name}
                )
                unrepairable = True
                continue
            try:
                found, unbuilt = self.repair_backend(name, backend, dry_run, chunk_size)
            except (ApiError, TransportError) as error:
                raise CommandError(
                    _('Elasticsearch failed for search backend "%(name)s": %(error)s') % {"name": name, "error": error},
                    returncode=UNREPAIRABLE_EXIT_CODE,
                ) from error
            drift_found |= found
            unrepairable |= unbuilt
        if unrepairable:
            raise CommandError(
                _("Some search indices must be rebuilt with update_index; see the messages above."),
                returncode=UNREPAIRABLE_EXIT_CODE,
            )
        if dry_run and drift_found:
            raise CommandError(
                _("The search index differs from the database; run without --dry-run to repair it."),
                returncode=DRIFT_EXIT_CODE,
            )

    def repair_backend(self, name, backend, dry_run, chunk_size):
        """Returns (drift found, some index needs update_index)."""
        drift_found = unbuilt = False
        for index, models in group_models_by_index(backend, get_indexed_models()).items():
            if not backend.es.indices.exists(index=index.name):
                self.stderr.write(
                    _(
                        'Search backend "%(name)s": the index %(index)s does not exist. Build it with '
                        "`python manage.py update_index --backend %(name)s`."
                    )
                    % {"name": name, "index": index.name}
                )
                unbuilt = True
                continue
            repair = IndexRepair(backend, index, models, chunk_size, dry_run)
            if outdated := repair.outdated_fields():
                self.stderr.write(
                    _(
                        'Search backend "%(name)s": the mapping of the index %(index)s does not match the '
                        "search fields (%(fields)s). Rebuild it with `python manage.py update_index --backend %(name)s`."
                    )
                    % {"name": name, "index": index.name, "fields": ", ".join(outdated)}
                )
                unbuilt = True
                continue
            drift = repair.run()
            self.report(index, drift, dry_run)
            drift_found |= any(drift.values())
        return drift_found, unbuilt

    def report(self, index, drift, dry_run):
        total = {kind: sum(model_drift.counts[kind] for model_drift in drift.values()) for kind in KINDS}
        if not any(total.values()):
            outcome = _("in sync")
        elif dry_run:
            outcome = _("not repaired (dry run)")
        else:
            outcome = _("repaired")
        self.say(f"{index.name}: {describe(total)} — {outcome}")
        for content_type, model_drift in drift.items():
            self.say(f"  {content_type}: {describe(model_drift.counts)}")
            if self.verbosity >= 2:
                for kind, pks in model_drift.examples.items():
                    if pks:
                        self.say(f"    {KINDS[kind]}: {', '.join(pks)}")

    def say(self, message):
        if self.verbosity >= 1:
            self.stdout.write(message)
