package portal.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

/**
 * The {@code english} analyzer, Lucene's EnglishAnalyzer as analysis-common configures it: standard
 * tokenizer, possessive removal, lowercase, English stop words, stem exclusions, Porter stemmer.
 */
@NamedComponent("english")
public class EnglishAnalyzerFactory implements AnalyzerFactory {

    private final LanguageAnalyzerSettings settings;

    @Inject
    public EnglishAnalyzerFactory(LanguageAnalyzerSettings settings) {
        this.settings = settings;
    }

    @Override
    public Analyzer create() {
        return new EnglishAnalyzer(
            LanguageAnalyzerSettings.stopwords(settings, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET),
            LanguageAnalyzerSettings.stemExclusion(settings)
        );
    }
}
