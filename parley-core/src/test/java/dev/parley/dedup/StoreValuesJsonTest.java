package dev.parley.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.dedup.store.InMemoryDedupStores;
import dev.parley.dedup.store.Posting;
import dev.parley.dedup.store.StoredArticle;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The store values are plain records: a JSON serde (Jackson) round-trips them unchanged. */
class StoreValuesJsonTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void everyStoredValueRoundTripsThroughJson() throws Exception {
        InMemoryDedupStores stores = new InMemoryDedupStores();
        DedupEngine engine = new DedupEngine(DedupConfig.defaults(), stores);
        for (Seeds.SeedArticle s : Seeds.load()) {
            engine.ingest(s.id(), Instant.ofEpochMilli(s.publishedAtMillis()), s.text());
        }
        engine.ingest("copy", Instant.ofEpochMilli(Seeds.load().get(0).publishedAtMillis() + 1),
                Seeds.load().get(0).text());

        for (Statement s : stores.statements().snapshot().values()) {
            assertThat(mapper.readValue(mapper.writeValueAsString(s), Statement.class)).isEqualTo(s);
        }
        for (ArticleDecision d : stores.decisions().snapshot().values()) {
            assertThat(mapper.readValue(mapper.writeValueAsString(d), ArticleDecision.class)).isEqualTo(d);
        }
        for (List<PassageMatch> l : stores.passages().snapshot().values()) {
            assertThat(mapper.readValue(mapper.writeValueAsString(l), new TypeReference<List<PassageMatch>>() { }))
                    .isEqualTo(l);
        }
        for (List<Posting> l : stores.postings().snapshot().values()) {
            assertThat(mapper.readValue(mapper.writeValueAsString(l), new TypeReference<List<Posting>>() { }))
                    .isEqualTo(l);
        }
        for (StoredArticle a : stores.articles().snapshot().values()) {
            assertThat(mapper.readValue(mapper.writeValueAsString(a), StoredArticle.class)).isEqualTo(a);
        }
        assertThat(stores.decisions().snapshot()).hasSize(6);
    }
}
