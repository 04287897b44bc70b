package dev.parley.dedup.stream;

import dev.parley.avro.Article;
import dev.parley.kafka.serde.StateFormats;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/** The dedup stage's state stores: the core's six, plus the articles as ingested and the copies of each canonical. */
final class DedupStoreNames {

    static final String ARTICLES = "dedup-articles";
    static final String POSTINGS = "dedup-postings";
    static final String DECISIONS = "dedup-decisions";
    static final String PASSAGES = "dedup-passages";
    static final String STATEMENTS = "dedup-statements";
    static final String STATEMENTS_BY_ARTICLE = "dedup-statements-by-article";
    /** article id → the Article as ingested, for outlets, origins and the unique-articles output. */
    static final String SOURCES = "dedup-sources";
    /** canonical id → ids of its copies, sorted; article id → the cluster id last published (key prefix "c:"). */
    static final String COPIES = "dedup-copies";

    static final String[] ALL = {ARTICLES, POSTINGS, DECISIONS, PASSAGES, STATEMENTS, STATEMENTS_BY_ARTICLE, SOURCES, COPIES};

    private DedupStoreNames() {
    }

    static List<StoreBuilder<?>> builders(Serde<Article> articleSerde) {
        return List.of(
                store(ARTICLES, DedupStateFormats.STORED_ARTICLE.serde()),
                store(POSTINGS, DedupStateFormats.POSTINGS.serde()),
                store(DECISIONS, DedupStateFormats.DECISION.serde()),
                store(PASSAGES, DedupStateFormats.PASSAGES.serde()),
                store(STATEMENTS, DedupStateFormats.STATEMENT.serde()),
                store(STATEMENTS_BY_ARTICLE, StateFormats.STRING_LIST.serde()),
                store(SOURCES, articleSerde),
                store(COPIES, StateFormats.STRING_LIST.serde()));
    }

    private static <V> StoreBuilder<KeyValueStore<String, V>> store(String name, Serde<V> values) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), values);
    }
}
