package dev.parley.views.stream;

import dev.parley.avro.Article;
import dev.parley.kafka.ParleyTopics;
import dev.parley.views.ViewStores;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The article catalog: every article of the raw log by id, as ingested (the latest version of an id wins, which is
 * the same article re-ingested). Records that cannot be read go to the dead-letter topic through the stage's
 * deserialization handler.
 */
public final class ArticleCatalogTopology {

    public static final String STAGE = ViewStores.CATALOG_STAGE;
    public static final String ARTICLES_STORE = ViewStores.ARTICLES.name();

    private final Serde<String> keySerde;
    private final Serde<Article> articleSerde;

    public ArticleCatalogTopology(Serde<String> keySerde, Serde<Article> articleSerde) {
        this.keySerde = keySerde;
        this.articleSerde = articleSerde;
    }

    public Topology buildTopology() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.table(ParleyTopics.ARTICLES_RAW,
                Consumed.with(keySerde, articleSerde),
                Materialized.<String, Article, KeyValueStore<Bytes, byte[]>>as(ARTICLES_STORE)
                        .withKeySerde(keySerde)
                        .withValueSerde(articleSerde));
        return builder.build();
    }
}
