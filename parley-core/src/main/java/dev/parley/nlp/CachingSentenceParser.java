package dev.parley.nlp;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link SentenceParser} that remembers the last {@code capacity} parses (least recently used out). Updated and
 * republished reports repeat their title and lead word for word, and a parse costs tens of milliseconds while a
 * parsed sentence weighs a few kilobytes. Parsing itself runs outside the lock, so threads never wait on each
 * other's parses; two threads missing on the same sentence at once both parse it.
 */
public final class CachingSentenceParser implements SentenceParser {

    private record Key(String language, String sentence) {
    }

    private final SentenceParser delegate;
    private final Map<Key, ParsedSentence> cache;

    public CachingSentenceParser(SentenceParser delegate, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.delegate = delegate;
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, ParsedSentence> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public ParsedSentence parse(String sentence, String language) {
        Key key = new Key(language, sentence);
        synchronized (cache) {
            ParsedSentence cached = cache.get(key);
            if (cached != null) {
                return cached;
            }
        }
        ParsedSentence parsed = delegate.parse(sentence, language);
        synchronized (cache) {
            cache.put(key, parsed);
        }
        return parsed;
    }

    @Override
    public boolean supports(String language) {
        return delegate.supports(language);
    }

    /** Sentences held now; at most the capacity. */
    public int size() {
        synchronized (cache) {
            return cache.size();
        }
    }
}
