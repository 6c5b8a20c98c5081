package portal.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

/**
 * The {@code spanish} analyzer, Lucene's SpanishAnalyzer as analysis-common configures it: standard
 * tokenizer, lowercase, Spanish stop words, stem exclusions, light Spanish stemmer.
 */
@NamedComponent("spanish")
public class SpanishAnalyzerFactory implements AnalyzerFactory {

    private final LanguageAnalyzerSettings settings;

    @Inject
    public SpanishAnalyzerFactory(LanguageAnalyzerSettings settings) {
        this.settings = settings;
    }

    @Override
    public Analyzer create() {
        return new SpanishAnalyzer(
            LanguageAnalyzerSettings.stopwords(settings, SpanishAnalyzer.getDefaultStopSet()),
            LanguageAnalyzerSettings.stemExclusion(settings)
        );
    }
}
