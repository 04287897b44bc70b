package dev.parley.bench;

import dev.parley.dedup.ArticleDecision;
import dev.parley.dedup.PassageMatch;
import dev.parley.dedup.Statement;
import dev.parley.dedup.store.DedupStores;
import dev.parley.dedup.store.KeyValueStore;
import dev.parley.dedup.store.Posting;
import dev.parley.dedup.store.StoredArticle;
import dev.parley.dedup.stream.DedupStateFormats;
import dev.parley.kafka.serde.StateFormats;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.apache.kafka.common.serialization.Serde;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.CompactionStyle;
import org.rocksdb.CompressionType;
import org.rocksdb.FlushOptions;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * The dedup core's six stores in RocksDB, outside Kafka Streams, for the scaling benchmark: the same key and value
 * serdes as the dedup stage's stores (String keys, the stage's JSON values) and RocksDB options modelled on Kafka
 * Streams' defaults for a persistent store (50 MB LRU block cache with a Bloom filter, 16 MB × 3 write buffers,
 * universal compaction, no compression, no WAL). What it lacks against the stage: the Streams record cache in front
 * of RocksDB and the changelog topic behind it.
 */
public final class RocksDbDedupStores implements DedupStores, AutoCloseable {

    static {
        RocksDB.loadLibrary();
    }

    private final List<AutoCloseable> resources = new ArrayList<>();
    private final Store<StoredArticle> articles;
    private final Store<List<Posting>> postings;
    private final Store<ArticleDecision> decisions;
    private final Store<List<PassageMatch>> passages;
    private final Store<Statement> statements;
    private final Store<List<String>> statementsByArticle;
    private final Store<Integer> phraseArticles;
    private final Store<List<String>> expiryIndex;

    public RocksDbDedupStores(Path dir) {
        articles = open(dir, "dedup-articles", DedupStateFormats.STORED_ARTICLE.serde());
        postings = open(dir, "dedup-postings", DedupStateFormats.POSTINGS.serde());
        decisions = open(dir, "dedup-decisions", DedupStateFormats.DECISION.serde());
        passages = open(dir, "dedup-passages", DedupStateFormats.PASSAGES.serde());
        statements = open(dir, "dedup-statements", DedupStateFormats.STATEMENT.serde());
        statementsByArticle = open(dir, "dedup-statements-by-article", StateFormats.STRING_LIST.serde());
        phraseArticles = open(dir, "dedup-phrase-articles", DedupStateFormats.PHRASE_ARTICLES.serde());
        expiryIndex = open(dir, "dedup-expiry-index", StateFormats.STRING_LIST.serde());
    }

    private <V> Store<V> open(Path dir, String name, Serde<V> serde) {
        LRUCache cache = new LRUCache(50L * 1024 * 1024);
        BlockBasedTableConfig table = new BlockBasedTableConfig().setBlockCache(cache).setBlockSize(4096)
                .setFilterPolicy(new BloomFilter());
        Options options = new Options().setCreateIfMissing(true).setTableFormatConfig(table)
                .setWriteBufferSize(16L * 1024 * 1024).setMaxWriteBufferNumber(3)
                .setCompactionStyle(CompactionStyle.UNIVERSAL).setCompressionType(CompressionType.NO_COMPRESSION)
                .setInfoLogLevel(InfoLogLevel.ERROR_LEVEL).setIncreaseParallelism(2);
        WriteOptions write = new WriteOptions().setDisableWAL(true);
        try {
            RocksDB db = RocksDB.open(options, dir.resolve(name).toString());
            Store<V> store = new Store<>(db, write, serde);
            // Closed in reverse: the database before its options and cache.
            resources.add(cache);
            resources.add(options);
            resources.add(write);
            resources.add(db);
            return store;
        } catch (RocksDBException e) {
            throw new IllegalStateException("cannot open RocksDB store " + name, e);
        }
    }

    /** One store: a RocksDB instance with the stage's serdes. */
    public static final class Store<V> implements KeyValueStore<String, V> {
        private final RocksDB db;
        private final WriteOptions write;
        private final Serde<V> serde;
        private long reads;
        private long readBytes;

        Store(RocksDB db, WriteOptions write, Serde<V> serde) {
            this.db = db;
            this.write = write;
            this.serde = serde;
        }

        @Override
        public Optional<V> get(String key) {
            try {
                byte[] bytes = db.get(key.getBytes(StandardCharsets.UTF_8));
                reads++;
                readBytes += bytes == null ? 0 : bytes.length;
                return bytes == null ? Optional.empty() : Optional.of(serde.deserializer().deserialize(null, bytes));
            } catch (RocksDBException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void put(String key, V value) {
            try {
                db.put(write, key.getBytes(StandardCharsets.UTF_8), serde.serializer().serialize(null, value));
            } catch (RocksDBException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void delete(String key) {
            try {
                db.delete(write, key.getBytes(StandardCharsets.UTF_8));
            } catch (RocksDBException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void forEach(BiConsumer<String, V> action) {
            try (RocksIterator it = db.newIterator()) {
                for (it.seekToFirst(); it.isValid(); it.next()) {
                    action.accept(new String(it.key(), StandardCharsets.UTF_8),
                            serde.deserializer().deserialize(null, it.value()));
                }
            }
        }

        /** Writes many entries in one batch (the bulk load). */
        public void putAll(Map<String, V> entries) {
            try (WriteBatch batch = new WriteBatch()) {
                for (Map.Entry<String, V> e : entries.entrySet()) {
                    batch.put(e.getKey().getBytes(StandardCharsets.UTF_8), serde.serializer().serialize(null, e.getValue()));
                }
                db.write(write, batch);
            } catch (RocksDBException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Point reads so far, and the value bytes they returned (what the bench reports per article). */
        public long reads() {
            return reads;
        }

        public long readBytes() {
            return readBytes;
        }

        void flush() {
            try (FlushOptions flush = new FlushOptions().setWaitForFlush(true)) {
                db.flush(flush);
            } catch (RocksDBException e) {
                throw new IllegalStateException(e);
            }
        }

        void compact() {
            try {
                db.compactRange();
            } catch (RocksDBException e) {
                throw new IllegalStateException(e);
            }
        }

        long estimatedKeys() {
            try {
                return db.getLongProperty("rocksdb.estimate-num-keys");
            } catch (RocksDBException e) {
                return -1;
            }
        }
    }

    @Override
    public Store<StoredArticle> articles() {
        return articles;
    }

    @Override
    public Store<List<Posting>> postings() {
        return postings;
    }

    @Override
    public Store<ArticleDecision> decisions() {
        return decisions;
    }

    @Override
    public Store<List<PassageMatch>> passages() {
        return passages;
    }

    @Override
    public Store<Statement> statements() {
        return statements;
    }

    @Override
    public Store<List<String>> statementsByArticle() {
        return statementsByArticle;
    }

    @Override
    public Store<Integer> phraseArticles() {
        return phraseArticles;
    }

    @Override
    public Store<List<String>> expiryIndex() {
        return expiryIndex;
    }

    /** Each store by its name, for reporting reads per store. */
    public Map<String, Store<?>> byName() {
        Map<String, Store<?>> all = new java.util.LinkedHashMap<>();
        all.put("articles", articles);
        all.put("postings", postings);
        all.put("decisions", decisions);
        all.put("passages", passages);
        all.put("statements", statements);
        all.put("statementsByArticle", statementsByArticle);
        all.put("phraseArticles", phraseArticles);
        all.put("expiryIndex", expiryIndex);
        return all;
    }

    /** Flushes the memtables, so the on-disk size and later reads reflect a settled store. */
    public void flush() {
        List.of(articles, postings, decisions, passages, statements, statementsByArticle, phraseArticles,
                expiryIndex).forEach(Store::flush);
    }

    /**
     * Compacts every store fully (and waits), as a long-running stage's background compaction keeps them: the bulk
     * load writes the whole index in minutes, and its compaction would otherwise run beside the measured articles.
     */
    public void compact() {
        List.of(articles, postings, decisions, passages, statements, statementsByArticle, phraseArticles,
                expiryIndex).forEach(Store::compact);
    }

    @Override
    public void close() {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                // closing native handles: nothing useful to do
            }
        }
        resources.clear();
    }
}
