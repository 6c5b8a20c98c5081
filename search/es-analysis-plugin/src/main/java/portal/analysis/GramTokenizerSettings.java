package portal.analysis;

import java.util.List;

import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.IntSetting;
import org.elasticsearch.plugin.settings.ListSetting;
import org.elasticsearch.plugin.settings.StringSetting;

/** Settings shared by the {@code ngram} and {@code edge_ngram} tokenizers, with analysis-common's defaults. */
@AnalysisSettings
public interface GramTokenizerSettings {
    @IntSetting(path = "min_gram", defaultValue = 1)
    int minGram();

    @IntSetting(path = "max_gram", defaultValue = 2)
    int maxGram();

    /** Character classes kept in tokens (letter, digit, whitespace, punctuation, symbol, custom); empty keeps all. */
    @ListSetting(path = "token_chars")
    List<String> tokenChars();

    /** The characters of the {@code custom} class. */
    @StringSetting(path = "custom_token_chars", defaultValue = "")
    String customTokenChars();
}
