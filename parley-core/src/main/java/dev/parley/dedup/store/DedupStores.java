package dev.parley.dedup.store;

import dev.parley.dedup.ArticleDecision;
import dev.parley.dedup.PassageMatch;
import dev.parley.dedup.Statement;
import java.util.List;

/**
 * The state of the dedup core. All eight stores must see every article (one co-partitioned sub-topology, or the
 * postings store partitioned by key with a lookup round trip); see README "Scale-out".
 */
public interface DedupStores {

    /** article id -> text and event time. */
    KeyValueStore<String, StoredArticle> articles();

    /** bucket key ("x:" exact text, "b07:..." LSH band, "f:..." winnowing fingerprint) -> earliest postings. */
    KeyValueStore<String, List<Posting>> postings();

    /** article id -> its current decision (unique / exact copy / near duplicate). */
    KeyValueStore<String, ArticleDecision> decisions();

    /** article id -> passage matches it takes part in (either side). */
    KeyValueStore<String, List<PassageMatch>> passages();

    /** statement id -> statement. */
    KeyValueStore<String, Statement> statements();

    /** article id -> ids of the statements it carries. */
    KeyValueStore<String, List<String>> statementsByArticle();

    /**
     * winnowing fingerprint ("f:...") -> number of distinct articles in the index carrying it (its document
     * frequency, copies included; common phrases are found by it).
     */
    KeyValueStore<String, Integer> phraseArticles();

    /**
     * "t:" + publication time (16 hex digits, order-preserving) + ":" + article id -> [article id]: expiry reads the
     * range before its cutoff instead of scanning the index; "m:indexed" marks that every article is in it.
     */
    KeyValueStore<String, List<String>> expiryIndex();
}
