package portal.analysis;

import java.util.List;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.ListSetting;

/**
 * Settings of the {@code english} and {@code spanish} analyzers, resolved as analysis-common does.
 * The helpers are static because Elasticsearch proxies every instance method of this interface.
 */
@AnalysisSettings
public interface LanguageAnalyzerSettings {

    /** Stop words: words and the named sets {@code _english_} / {@code _spanish_}, or {@code _none_}. */
    @ListSetting(path = "stopwords")
    List<String> stopwords();

    /** Words the stemmer must leave alone, or {@code _none_}. */
    @ListSetting(path = "stem_exclusion")
    List<String> stemExclusion();

    /** The configured stop words, or {@code defaults} when the setting is absent. */
    static CharArraySet stopwords(LanguageAnalyzerSettings settings, CharArraySet defaults) {
        List<String> words = settings.stopwords();
        if (words.isEmpty()) {
            return defaults;
        }
        CharArraySet set = new CharArraySet(words.size(), false);
        if (words.equals(List.of("_none_"))) {
            return set;
        }
        for (String word : words) {
            switch (word) {
                case "_english_" -> set.addAll(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
                case "_spanish_" -> set.addAll(SpanishAnalyzer.getDefaultStopSet());
                default -> set.add(word);
            }
        }
        return set;
    }

    /** The configured stem exclusions; none by default. */
    static CharArraySet stemExclusion(LanguageAnalyzerSettings settings) {
        List<String> words = settings.stemExclusion();
        if (words.equals(List.of("_none_"))) {
            return CharArraySet.EMPTY_SET;
        }
        return new CharArraySet(words, false);
    }
}
