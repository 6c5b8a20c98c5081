"""Wagtail's Elasticsearch 8 backend with Spanish and English analysis.

Wagtail gives a whole index one analyser (wagtail#1177). Here every full-text field
(and the `_all_text` catch-all) keeps a language-neutral, accent-folded main field and
gets one sub-field per portal language, analysed with that language's stop words and
stemmer. A query uses the sub-fields of the active language: a Spanish search for
"licitacion" matches "licitaciones", an English one for "regulations" matches
"regulation". Documents stay one per object in Wagtail's usual indices, so
`update_index`, the signal handlers and the admin search work unchanged. Why this
design over per-language indices: see docs/search.md.
"""

from django.conf import settings
from django.utils.translation import get_language
from modelsearch.backends.elasticsearch8 import (
    Elasticsearch8AutocompleteQueryCompiler,
    Elasticsearch8Mapping,
    Elasticsearch8SearchBackend,
    Elasticsearch8SearchQueryCompiler,
)
from modelsearch.backends.elasticsearchbase import Field
from modelsearch.utils import deep_update

ANALYZERS = {
    # Main fields: any language, accents folded ("licitación" = "licitacion").
    "default": {"type": "custom", "tokenizer": "standard", "filter": ["lowercase", "asciifolding"]},
    # Stop words are removed before folding, because the stop lists are accented ("más", "él").
    "es": {
        "type": "custom",
        "tokenizer": "standard",
        "filter": ["lowercase", "spanish_stop", "asciifolding", "spanish_stemmer"],
    },
    "en": {
        "type": "custom",
        "tokenizer": "standard",
        "filter": ["english_possessive", "lowercase", "english_stop", "asciifolding", "english_stemmer"],
    },
}

ANALYSIS_SETTINGS = {
    "settings": {
        "analysis": {
            "analyzer": {
                "default": ANALYZERS["default"],
                "portal_es": ANALYZERS["es"],
                "portal_en": ANALYZERS["en"],
            },
            "filter": {
                "spanish_stop": {"type": "stop", "stopwords": "_spanish_"},
                "spanish_stemmer": {"type": "stemmer", "language": "light_spanish"},
                "english_possessive": {"type": "stemmer", "language": "possessive_english"},
                "english_stop": {"type": "stop", "stopwords": "_english_"},
                "english_stemmer": {"type": "stemmer", "language": "english"},
            },
        }
    }
}


def portal_languages():
    return [code for code, _name in settings.LANGUAGES]


def query_language(language=None):
    """The portal language whose analysis a query should use: the active one by default."""
    language = (language or get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return language if language in portal_languages() else settings.LANGUAGE_CODE


def language_subfields():
    return {code: {"type": "text", "analyzer": f"portal_{code}"} for code in portal_languages()}


def is_catch_all(field_name):
    return field_name == "_all_text" or field_name.startswith("_all_text_boost_")


class LocalisedMapping(Elasticsearch8Mapping):
    """Adds a sub-field per language to every full-text field, nested ones included."""

    # Autocomplete queries are folded like the indexed edge n-grams ("Licitación" → "licit…").
    edgengram_analyzer_config = {"analyzer": "edgengram_analyzer", "search_analyzer": "default"}

    def get_field_mapping(self, field):
        name, mapping = super().get_field_mapping(field)
        if mapping.get("type") == "text" and "analyzer" not in mapping:
            mapping["fields"] = language_subfields()
        return name, mapping

    def get_mapping(self):
        mapping = super().get_mapping()
        for name, field_mapping in mapping["properties"].items():
            if is_catch_all(name):
                field_mapping["fields"] = language_subfields()
        return mapping


class LocalisedSearchQueryCompiler(Elasticsearch8SearchQueryCompiler):
    """Searches the active language's sub-fields instead of the language-neutral ones."""

    mapping_class = LocalisedMapping

    def _remap_fields(self, fields):
        language = query_language()
        return [
            Field(f"{field.field_name}.{language}", field.boost)
            for field in super()._remap_fields(fields)
        ]


class LocalisedAutocompleteQueryCompiler(Elasticsearch8AutocompleteQueryCompiler):
    mapping_class = LocalisedMapping


class LocalisedElasticsearchBackend(Elasticsearch8SearchBackend):
    mapping_class = LocalisedMapping
    query_compiler_class = LocalisedSearchQueryCompiler
    autocomplete_query_compiler_class = LocalisedAutocompleteQueryCompiler

    def __init__(self, params):
        super().__init__(params)
        self.settings = deep_update(self.settings, ANALYSIS_SETTINGS)


SearchBackend = LocalisedElasticsearchBackend
