/**
 * Lucene analysis components published under the names and settings of Elasticsearch's
 * analysis-common module, for servers (such as the integration-test distribution) that lack it.
 * <p>
 * Each class is a stable-plugin-API named component, listed in
 * {@code src/main/plugin-metadata/named_components.json}. Elasticsearch instantiates it per index
 * (or once for a global {@code _analyze}) and fills the {@code @AnalysisSettings} interface of its
 * {@code @Inject} constructor from the component's settings. Settings an interface does not
 * declare are ignored rather than rejected. A component sees only its own settings, so the n-gram
 * filters and tokenizers cannot enforce {@code index.max_ngram_diff} as analysis-common does.
 */
package portal.analysis;
