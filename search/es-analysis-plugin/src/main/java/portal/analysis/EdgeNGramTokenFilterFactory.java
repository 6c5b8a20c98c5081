package portal.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.reverse.ReverseStringFilter;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.StringSetting;

/** The {@code edge_ngram} token filter: the prefixes of each token, for autocomplete ("pu", "pub", ...). */
@NamedComponent("edge_ngram")
public class EdgeNGramTokenFilterFactory implements TokenFilterFactory {

    /** Settings of {@code edge_ngram}. */
    @AnalysisSettings
    public interface Settings extends GramFilterSettings {
        /** Deprecated in Elasticsearch but still accepted: "back" emits suffixes instead of prefixes. */
        @StringSetting(path = "side", defaultValue = "front")
        String side();
    }

    private final GramFilterSettings grams;
    private final boolean back;

    @Inject
    public EdgeNGramTokenFilterFactory(Settings settings) {
        this.grams = settings;
        this.back = switch (settings.side()) {
            case "front" -> false;
            case "back" -> true;
            default -> throw new IllegalArgumentException("invalid side: " + settings.side());
        };
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        if (back) {
            // Suffixes are the reversed prefixes of the reversed token, as analysis-common does it.
            TokenStream reversed = new ReverseStringFilter(tokenStream);
            return new ReverseStringFilter(edgeNGrams(reversed));
        }
        return edgeNGrams(tokenStream);
    }

    private TokenStream edgeNGrams(TokenStream tokenStream) {
        return new EdgeNGramTokenFilter(tokenStream, grams.minGram(), grams.maxGram(), grams.preserveOriginal());
    }
}
