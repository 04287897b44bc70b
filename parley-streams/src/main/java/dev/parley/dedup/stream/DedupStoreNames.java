package dev.parley.dedup.stream;

import dev.parley.avro.Article;
import dev.parley.kafka.serde.StateFormat;
import dev.parley.kafka.serde.StateFormats;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/** The dedup stage's state stores: the core's eight, plus the articles as ingested, the copies of each canonical and each article's canonical. */
final class DedupStoreNames {

    static final String ARTICLES = "dedup-articles";
    static final String POSTINGS = "dedup-postings";
    static final String DECISIONS = "dedup-decisions";
    static final String PASSAGES = "dedup-passages";
    static final String STATEMENTS = "dedup-statements";
    static final String STATEMENTS_BY_ARTICLE = "dedup-statements-by-article";
    /** fingerprint → distinct articles carrying it (document frequency: common phrases). */
    static final String PHRASE_ARTICLES = "dedup-phrase-articles";
    /** publication time + article id → [article id]: what expiry reads instead of scanning (see DedupStores). */
    static final String EXPIRY_INDEX = "dedup-expiry-index";
    /** article id → the Article as ingested, for outlets, origins and the unique-articles output. */
    static final String SOURCES = "dedup-sources";
    /** canonical id → ids of its copies, sorted (builds before CLUSTER_OF also kept "c:" + article id here). */
    static final String COPIES = "dedup-copies";
    /** article id → [the canonical last published for it]. */
    static final String CLUSTER_OF = "dedup-cluster-of";

    static final String[] ALL = {ARTICLES, POSTINGS, DECISIONS, PASSAGES, STATEMENTS, STATEMENTS_BY_ARTICLE, PHRASE_ARTICLES,
        EXPIRY_INDEX, SOURCES, COPIES, CLUSTER_OF};

    private DedupStoreNames() {
    }

    /** The stores whose values are JSON state, with their formats (the sources store holds Avro: a topic contract). */
    static final Map<String, StateFormat<?>> JSON_FORMATS = Map.of(
            ARTICLES, DedupStateFormats.STORED_ARTICLE,
            POSTINGS, DedupStateFormats.POSTINGS,
            DECISIONS, DedupStateFormats.DECISION,
            PASSAGES, DedupStateFormats.PASSAGES,
            STATEMENTS, DedupStateFormats.STATEMENT,
            STATEMENTS_BY_ARTICLE, StateFormats.STRING_LIST,
            PHRASE_ARTICLES, DedupStateFormats.PHRASE_ARTICLES,
            EXPIRY_INDEX, StateFormats.STRING_LIST,
            COPIES, StateFormats.STRING_LIST,
            CLUSTER_OF, StateFormats.STRING_LIST);

    static List<StoreBuilder<?>> builders(Serde<Article> articleSerde) {
        List<StoreBuilder<?>> builders = new ArrayList<>();
        for (String name : ALL) {
            builders.add(name.equals(SOURCES) ? store(name, articleSerde) : store(name, JSON_FORMATS.get(name).serde()));
        }
        return builders;
    }

    private static <V> StoreBuilder<KeyValueStore<String, V>> store(String name, Serde<V> values) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), values);
    }
}
