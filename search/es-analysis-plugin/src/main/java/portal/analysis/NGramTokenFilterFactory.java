package portal.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ngram.NGramTokenFilter;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/** The {@code ngram} token filter: every substring of each token between min_gram and max_gram long. */
@NamedComponent("ngram")
public class NGramTokenFilterFactory implements TokenFilterFactory {

    private final GramFilterSettings settings;

    @Inject
    public NGramTokenFilterFactory(GramFilterSettings settings) {
        this.settings = settings;
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new NGramTokenFilter(tokenStream, settings.minGram(), settings.maxGram(), settings.preserveOriginal());
    }
}
