package dev.parley.dedup;

import dev.parley.dedup.store.DedupStores;
import dev.parley.dedup.store.Posting;
import dev.parley.dedup.store.StoredArticle;
import dev.parley.dedup.store.WriteBuffer;
import dev.parley.text.Shingles;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The incremental dedup core: one call per arriving article, state only through {@link DedupStores}.
 *
 * <p>Semantics (README "Dedup"): an article's canonical is the earliest, by (publishedAt, id), of itself and the
 * articles it directly duplicates (same folded text, or verified near-identical), so a late earlier copy turns
 * the previous canonical into a copy and the result says so. Only unique articles take part in the passage level,
 * so copies never make statements of their own. Articles further apart than the horizon are never compared.
 * Final store contents depend only on the set of articles ingested, not on order or repetition.
 */
public final class DedupEngine {

    private static final int ANALYSIS_CACHE = 2048;

    private final DedupConfig config;
    private final DedupStores base;
    private final MinHash minHash;
    private final PassageAligner aligner;
    private final StatementBuilder statementBuilder;
    // A memo of AnalyzedArticle.of over (id, publishedAt, text), not state: a plan that is discarded after filling
    // it leaves nothing wrong in it, because entries are only reached through ids the stores hold.
    private final Map<String, AnalyzedArticle> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, AnalyzedArticle> eldest) {
            return size() > ANALYSIS_CACHE;
        }
    };

    public DedupEngine(DedupConfig config, DedupStores stores) {
        this.config = config;
        this.base = stores;
        this.minHash = new MinHash(config.permutations());
        this.aligner = new PassageAligner(config);
        this.statementBuilder = new StatementBuilder(config);
    }

    private record Neighbor(AnalyzedArticle article, ArticleDecision.Kind kind, double jaccard, double containment,
                            String method) {
    }

    /**
     * Plans one arrival without changing any store: the decision and everything it changes, and the store writes
     * that make it so. Nothing is written until the caller applies the plan's writes.
     */
    public DedupPlan plan(String articleId, Instant publishedAt, String text) {
        return plan(new WriteBuffer(), articleId, publishedAt, text);
    }

    /**
     * As {@link #plan(String, Instant, String)}, staging into the caller's buffer so that the caller's own work on
     * the same record (its reads of these stores included) becomes part of one plan.
     */
    public DedupPlan plan(WriteBuffer buffer, String articleId, Instant publishedAt, String text) {
        DedupResult result = new Planning(buffer.stage(base)).ingest(articleId, publishedAt, text);
        return new DedupPlan(result, buffer.writes());
    }

    /** Plans and applies one arrival (for callers without a transaction of their own: tests, eval, bench). */
    public DedupResult ingest(String articleId, Instant publishedAt, String text) {
        DedupPlan plan = plan(articleId, publishedAt, text);
        plan.writes().apply();
        return plan.result();
    }

    /**
     * Stages into {@code buffer} the removal of index entries older than the horizon before {@code now}. Statements
     * already published stay in their topic; a copy of an expired article arriving later is treated as unique.
     *
     * @return number of articles expired
     */
    public int expire(WriteBuffer buffer, Instant now) {
        return expireArticles(buffer, now).size();
    }

    /** As {@link #expire(WriteBuffer, Instant)}, returning the ids of the expired articles, sorted. */
    public List<String> expireArticles(WriteBuffer buffer, Instant now) {
        return new Planning(buffer.stage(base)).expire(now);
    }

    /** Plans and applies expiry at once. */
    public int expire(Instant now) {
        WriteBuffer buffer = new WriteBuffer();
        int expired = expire(buffer, now);
        buffer.writes().apply();
        return expired;
    }

    /** One unit of work over one staged view of the stores: everything it writes lands in the plan. */
    private final class Planning {

        private final DedupStores stores;

        Planning(DedupStores stores) {
            this.stores = stores;
        }

        DedupResult ingest(String articleId, Instant publishedAt, String text) {
            Objects.requireNonNull(articleId);
            if (stores.articles().get(articleId).isPresent()) {
                // Same id again: ids identify articles, so this is a re-ingestion and changes nothing.
                ArticleDecision current = stores.decisions().get(articleId).orElseThrow();
                return new DedupResult(current, List.of(), List.of(), List.of(), List.of(), true, List.of());
            }
            long at = publishedAt.toEpochMilli();
            AnalyzedArticle x = analyzed(articleId, at, text);
            stores.articles().put(articleId,
                    new StoredArticle(articleId, at, text, PackedAnalysis.pack(x, config.shingleWords())));
            stores.expiryIndex().put(expiryKey(at, articleId), List.of(articleId));
            List<Winnowing.Fingerprint> fingerprints = fingerprints(x);
            long[] distinct = distinctHashes(fingerprints);
            String[] keys = new String[distinct.length]; // built once: counted, then posted
            for (int i = 0; i < distinct.length; i++) {
                keys[i] = fingerprintKey(distinct[i]);
            }
            int[] articlesNow = new int[distinct.length];
            Set<Long> becameCommon = countPhrases(distinct, keys, articlesNow);
            CommonPhrases.Found boilerplate = CommonPhrases.find(x, fingerprints,
                    fp -> articlesNow[java.util.Arrays.binarySearch(distinct, fp)], config);

            List<Neighbor> neighbors = findDuplicates(x);
            ArticleDecision decision = decide(x, neighbors);
            stores.decisions().put(articleId, decision);

            List<ArticleDecision> corrections = new ArrayList<>();
            List<String> demoted = new ArrayList<>();
            for (Neighbor n : neighbors) {
                ArticleDecision old = stores.decisions().get(n.article().id()).orElseThrow();
                AnalyzedArticle oldCanonical = old.canonicalId().equals(n.article().id()) ? n.article()
                        : load(old.canonicalId());
                if (oldCanonical == null || x.isEarlierThan(oldCanonical)) {
                    ArticleDecision corrected = new ArticleDecision(n.article().id(), n.article().publishedAtMillis(),
                            n.kind(), x.id(), n.jaccard(), n.containment(), n.method(), config.jaccardThreshold(),
                            config.containmentThreshold(), config.algorithmVersion());
                    stores.decisions().put(n.article().id(), corrected);
                    corrections.add(corrected);
                    if (!old.kind().isCopy()) {
                        demoted.add(n.article().id());
                    }
                }
            }

            List<PassageMatch> newPassages = new ArrayList<>();
            Set<String> seeds = new TreeSet<>();
            for (String d : demoted) {
                seeds.addAll(removeFromPassageGraph(d));
                unindexFingerprints(d);
            }
            Set<String> previouslyCarrying = new TreeSet<>(demoted);
            if (!decision.kind().isCopy()) {
                Set<String> duplicateIds = new TreeSet<>();
                neighbors.forEach(n -> duplicateIds.add(n.article().id()));
                newPassages.addAll(alignWithPartners(x, distinct, keys, duplicateIds, boilerplate));
                seeds.add(x.id());
            }
            Set<String> realigned = realignHolders(becameCommon, x.id());
            seeds.addAll(realigned);
            previouslyCarrying.addAll(realigned);
            StatementDelta delta = seeds.isEmpty() ? StatementDelta.NONE : regroupStatements(seeds, previouslyCarrying);
            return new DedupResult(decision, corrections, newPassages, delta.upserted, delta.retracted, false,
                    boilerplate.spans());
        }

        // ---- common phrases ----

        /**
         * Counts the article in each of its distinct fingerprints, writing into {@code articlesNow} the articles
         * carrying each one now (itself included); returns those it makes common.
         */
        private Set<Long> countPhrases(long[] distinct, String[] keys, int[] articlesNow) {
            Set<Long> becameCommon = new TreeSet<>();
            for (int i = 0; i < distinct.length; i++) {
                long fp = distinct[i];
                String key = keys[i];
                int before = stores.phraseArticles().get(key).orElse(0);
                stores.phraseArticles().put(key, before + 1);
                articlesNow[i] = before + 1;
                if (before == config.commonPhraseArticles()) {
                    becameCommon.add(fp);
                }
            }
            return becameCommon;
        }

        private void uncountPhrases(AnalyzedArticle a) {
            for (long fp : distinctHashes(fingerprints(a))) {
                String key = fingerprintKey(fp);
                int before = stores.phraseArticles().get(key).orElse(0);
                if (before <= 1) {
                    stores.phraseArticles().delete(key);
                } else {
                    stores.phraseArticles().put(key, before - 1);
                }
            }
        }

        private int phraseArticles(long fp) {
            return stores.phraseArticles().get(fingerprintKey(fp)).orElse(0);
        }

        private CommonPhrases.Found boilerplateOf(AnalyzedArticle a) {
            return CommonPhrases.find(a, fingerprints(a), this::phraseArticles, config);
        }

        /**
         * When a phrase becomes common, the articles that were aligned on it before (at most the phrase's bucket:
         * {@code commonPhraseArticles < bucketCap}) are aligned again with their partners, their boilerplate masked:
         * the index then holds what it would hold had the phrase been common from the start. Returns the articles
         * whose passages were recomputed.
         */
        private Set<String> realignHolders(Set<Long> becameCommon, String arriving) {
            Set<String> holders = new TreeSet<>();
            for (long fp : becameCommon) {
                stores.postings().get(fingerprintKey(fp)).orElse(List.of()).forEach(p -> holders.add(p.articleId()));
            }
            holders.remove(arriving);
            Set<String> touched = new TreeSet<>();
            Map<String, CommonPhrases.Found> masks = new HashMap<>();
            for (String h : holders) {
                AnalyzedArticle holder = load(h);
                List<PassageMatch> stored = stores.passages().get(h).orElse(List.of());
                if (holder == null || stored.isEmpty()) {
                    continue;
                }
                CommonPhrases.Found mask = masks.computeIfAbsent(h, id -> boilerplateOf(holder));
                if (mask.isEmpty()) {
                    continue;
                }
                Set<String> partners = new TreeSet<>();
                stored.forEach(m -> partners.add(m.partnerOf(h)));
                for (String partnerId : partners) {
                    AnalyzedArticle partner = load(partnerId);
                    List<PassageMatch> now = partner == null ? List.of()
                            : aligner.align(holder, partner, mask.maskedShingles());
                    replacePair(h, partnerId, now);
                    touched.add(partnerId);
                }
                touched.add(h);
            }
            return touched;
        }

        private void replacePair(String a, String b, List<PassageMatch> matches) {
            for (String side : List.of(a, b)) {
                String other = side.equals(a) ? b : a;
                Set<PassageMatch> all = new LinkedHashSet<>();
                for (PassageMatch m : stores.passages().get(side).orElse(List.of())) {
                    if (!m.involves(other)) {
                        all.add(m);
                    }
                }
                all.addAll(matches);
                if (all.isEmpty()) {
                    stores.passages().delete(side);
                } else {
                    stores.passages().put(side, sortedMatches(all));
                }
            }
        }

        // ---- exact copies and near-identical articles ----

        private List<Neighbor> findDuplicates(AnalyzedArticle x) {
            Map<String, Neighbor> found = new TreeMap<>();
            for (Posting p : addPosting(x.exactKey(), x)) {
                AnalyzedArticle other = withinHorizon(x, p) ? load(p.articleId()) : null;
                if (other != null) {
                    found.put(other.id(), new Neighbor(other, ArticleDecision.Kind.EXACT_COPY, 1.0, 1.0, "exact-text"));
                }
            }
            long[] signature = minHash.signature(x.shingleSet());
            Map<String, Integer> bandHits = new HashMap<>();
            Map<String, Posting> postingById = new HashMap<>();
            for (String band : LshBanding.bandKeys(signature, config.bands(), config.rows())) {
                for (Posting p : addPosting(band, x)) {
                    if (withinHorizon(x, p) && !found.containsKey(p.articleId())) {
                        bandHits.merge(p.articleId(), 1, Integer::sum);
                        postingById.put(p.articleId(), p);
                    }
                }
            }
            // Most shared bands first (highest estimated similarity), then earliest: a bounded, deterministic choice.
            List<String> candidates = new ArrayList<>(bandHits.keySet());
            candidates.sort(Comparator.<String>comparingInt(id -> -bandHits.get(id))
                    .thenComparing(id -> postingById.get(id), Posting.EARLIEST_FIRST));
            for (String id : candidates.subList(0, Math.min(candidates.size(), config.maxCandidates()))) {
                AnalyzedArticle other = load(id);
                if (other == null) {
                    continue;
                }
                double j = Shingles.jaccard(x.shingleSet(), other.shingleSet());
                double c = Shingles.containment(x.shingleSet(), other.shingleSet());
                double sizeRatio = (double) Math.min(x.shingleSet().length, other.shingleSet().length)
                        / Math.max(1, Math.max(x.shingleSet().length, other.shingleSet().length));
                String method = null;
                if (j >= config.jaccardThreshold()) {
                    method = "minhash-lsh+jaccard";
                } else if (c >= config.containmentThreshold() && sizeRatio >= config.containmentMinRatio()) {
                    method = "minhash-lsh+containment";
                }
                if (method != null) {
                    found.put(id, new Neighbor(other, ArticleDecision.Kind.NEAR_DUPLICATE, round(j), round(c), method));
                }
            }
            return new ArrayList<>(found.values());
        }

        // ---- passages ----

        /** Copies take no part in the passage level, so a demoted article leaves the fingerprint buckets. */
        private void unindexFingerprints(String articleId) {
            AnalyzedArticle a = load(articleId);
            if (a == null) {
                return;
            }
            for (long fp : fingerprintHashes(a)) {
                String key = fingerprintKey(fp);
                stores.postings().get(key).ifPresent(list -> {
                    List<Posting> kept = list.stream().filter(p -> !p.articleId().equals(articleId)).toList();
                    if (kept.isEmpty()) {
                        stores.postings().delete(key);
                    } else {
                        stores.postings().put(key, kept);
                    }
                });
            }
        }

        private List<PassageMatch> alignWithPartners(AnalyzedArticle x, long[] fingerprintHashes, String[] keys,
                                                     Set<String> duplicateIds, CommonPhrases.Found boilerplate) {
            Map<String, Integer> sharedFingerprints = new HashMap<>();
            Map<String, Posting> postingById = new HashMap<>();
            for (int i = 0; i < fingerprintHashes.length; i++) {
                if (boilerplate.boilerplateHashes().contains(fingerprintHashes[i])) {
                    continue; // boilerplate finds no partners (and its bucket stops growing)
                }
                for (Posting p : addPosting(keys[i], x)) {
                    if (!p.articleId().equals(x.id()) && !duplicateIds.contains(p.articleId()) && withinHorizon(x, p)) {
                        sharedFingerprints.merge(p.articleId(), 1, Integer::sum);
                        postingById.put(p.articleId(), p);
                    }
                }
            }
            // Bounded work per article: the partners sharing most fingerprints, then the earliest.
            List<String> partners = new ArrayList<>(sharedFingerprints.keySet());
            partners.sort(Comparator.<String>comparingInt(id -> -sharedFingerprints.get(id))
                    .thenComparing(postingById::get, Posting.EARLIEST_FIRST));
            partners = partners.subList(0, Math.min(partners.size(), config.maxPassagePartners()));
            List<PassageMatch> found = new ArrayList<>();
            for (String partnerId : partners) {
                boolean partnerUnique = stores.decisions().get(partnerId).map(d -> !d.kind().isCopy()).orElse(false);
                AnalyzedArticle partner = partnerUnique ? load(partnerId) : null;
                if (partner == null) {
                    continue;
                }
                List<PassageMatch> matches = aligner.align(x, partner, boilerplate.maskedShingles());
                if (!matches.isEmpty()) {
                    found.addAll(matches);
                    addMatches(x.id(), matches);
                    addMatches(partnerId, matches);
                }
            }
            return found;
        }

        private void addMatches(String articleId, List<PassageMatch> matches) {
            Set<PassageMatch> all = new LinkedHashSet<>(stores.passages().get(articleId).orElse(List.of()));
            all.addAll(matches);
            stores.passages().put(articleId, sortedMatches(all));
        }

        /** Takes a demoted article out of the passage graph; returns its former partners. */
        private Set<String> removeFromPassageGraph(String articleId) {
            Set<String> partners = new TreeSet<>();
            for (PassageMatch m : stores.passages().get(articleId).orElse(List.of())) {
                String partner = m.partnerOf(articleId);
                partners.add(partner);
                List<PassageMatch> kept = stores.passages().get(partner).orElse(List.of()).stream()
                        .filter(pm -> !pm.involves(articleId)).toList();
                if (kept.isEmpty()) {
                    stores.passages().delete(partner);
                } else {
                    stores.passages().put(partner, kept);
                }
            }
            stores.passages().delete(articleId);
            return partners;
        }

        private record StatementDelta(List<Statement> upserted, List<String> retracted) {
            static final StatementDelta NONE = new StatementDelta(List.of(), List.of());
        }

        /**
         * Recomputes the statements of the passage-graph components containing the seeds, from scratch, so the result
         * is the same whatever order the matches were found in.
         */
        private StatementDelta regroupStatements(Set<String> seeds, Set<String> previouslyCarrying) {
            Set<String> visited = new TreeSet<>();
            Deque<String> queue = new ArrayDeque<>(seeds);
            Set<PassageMatch> matches = new LinkedHashSet<>();
            while (!queue.isEmpty() && visited.size() < config.maxComponentArticles()) {
                String id = queue.poll();
                if (!visited.add(id)) {
                    continue;
                }
                for (PassageMatch m : stores.passages().get(id).orElse(List.of())) {
                    matches.add(m);
                    String partner = m.partnerOf(id);
                    if (!visited.contains(partner)) {
                        queue.add(partner);
                    }
                }
            }
            Map<String, AnalyzedArticle> articles = new TreeMap<>();
            List<PassageMatch> usable = new ArrayList<>();
            for (PassageMatch m : sortedMatches(matches)) {
                if (visited.contains(m.articleA()) && visited.contains(m.articleB())) {
                    AnalyzedArticle a = articles.computeIfAbsent(m.articleA(), this::load);
                    AnalyzedArticle b = articles.computeIfAbsent(m.articleB(), this::load);
                    if (a != null && b != null) {
                        usable.add(m);
                    }
                }
            }
            List<Statement> statements = statementBuilder.build(articles, usable);

            Set<String> oldIds = new TreeSet<>();
            Set<String> touched = new TreeSet<>(visited);
            touched.addAll(previouslyCarrying);
            for (String id : touched) {
                oldIds.addAll(stores.statementsByArticle().get(id).orElse(List.of()));
            }
            Map<String, List<String>> byArticle = new TreeMap<>();
            List<Statement> upserted = new ArrayList<>();
            Set<String> newIds = new TreeSet<>();
            for (Statement s : statements) {
                newIds.add(s.id());
                if (!stores.statements().get(s.id()).map(s::equals).orElse(false)) {
                    stores.statements().put(s.id(), s);
                    upserted.add(s);
                }
                for (String articleId : s.articleIds()) {
                    byArticle.computeIfAbsent(articleId, x -> new ArrayList<>()).add(s.id());
                }
            }
            List<String> retracted = new ArrayList<>();
            for (String old : oldIds) {
                if (!newIds.contains(old)) {
                    stores.statements().delete(old);
                    retracted.add(old);
                }
            }
            for (String id : touched) {
                List<String> ids = byArticle.get(id);
                if (ids == null) {
                    stores.statementsByArticle().delete(id);
                } else {
                    stores.statementsByArticle().put(id, ids.stream().sorted().toList());
                }
            }
            return new StatementDelta(upserted, retracted);
        }

        // ---- expiry ----

        /**
         * Reads the time index up to the cutoff (no scan of the index), and removes each expired article from every
         * bucket it can be in (recomputed from its text), from the phrase counts and from the passage graph.
         */
        List<String> expire(Instant streamTime) {
            long cutoff = streamTime.toEpochMilli() - config.horizon().toMillis();
            ensureTimeIndexed();
            List<String> gone = new ArrayList<>();
            List<String> entries = new ArrayList<>();
            stores.expiryIndex().range(TIME_PREFIX, expiryKey(cutoff, ""), (key, ids) -> {
                entries.add(key);
                gone.addAll(ids);
            });
            entries.forEach(stores.expiryIndex()::delete);
            java.util.Collections.sort(gone);
            for (String id : gone) {
                AnalyzedArticle a = load(id);
                if (a != null) {
                    uncountPhrases(a);
                    unpost(a);
                }
                removeFromPassageGraph(id);
                stores.articles().delete(id);
                stores.decisions().delete(id);
                stores.statementsByArticle().delete(id);
                cache.remove(id);
            }
            return gone;
        }

        /** An index written by a build before the time index: its articles are entered once, in one scan. */
        private void ensureTimeIndexed() {
            if (stores.expiryIndex().get(INDEXED_MARKER).isPresent()) {
                return;
            }
            stores.articles().forEach((id, a) -> stores.expiryIndex().put(expiryKey(a.publishedAtMillis(), id),
                    List.of(id)));
            stores.expiryIndex().put(INDEXED_MARKER, List.of());
        }

        private void unpost(AnalyzedArticle a) {
            List<String> keys = new ArrayList<>();
            keys.add(a.exactKey());
            keys.addAll(LshBanding.bandKeys(minHash.signature(a.shingleSet()), config.bands(), config.rows()));
            for (long fp : fingerprintHashes(a)) {
                keys.add(fingerprintKey(fp));
            }
            for (String key : keys) {
                stores.postings().get(key).ifPresent(list -> {
                    List<Posting> kept = list.stream().filter(p -> !p.articleId().equals(a.id())).toList();
                    if (kept.isEmpty()) {
                        stores.postings().delete(key);
                    } else if (kept.size() != list.size()) {
                        stores.postings().put(key, kept);
                    }
                });
            }
        }

        /** Adds x to the bucket (keeping the earliest postings) and returns the bucket as it was before. */
        private List<Posting> addPosting(String key, AnalyzedArticle x) {
            List<Posting> before = stores.postings().get(key).orElse(List.of());
            Posting mine = new Posting(x.id(), x.publishedAtMillis());
            // Buckets are kept sorted earliest first, so the insertion point is a binary search.
            int at = java.util.Collections.binarySearch(before, mine, Posting.EARLIEST_FIRST);
            if (at >= 0) {
                List<Posting> others = new ArrayList<>(before);
                others.remove(at);
                return others;
            }
            int insertion = -at - 1;
            if (insertion < config.bucketCap()) {
                int size = Math.min(before.size() + 1, config.bucketCap());
                Posting[] after = new Posting[size];
                for (int i = 0, from = 0; i < size; i++) {
                    after[i] = i == insertion ? mine : before.get(from++);
                }
                stores.postings().put(key, List.of(after));
            }
            return before;
        }

        private AnalyzedArticle load(String id) {
            AnalyzedArticle cached = cache.get(id);
            if (cached != null) {
                return cached;
            }
            return stores.articles().get(id).map(this::restored).orElse(null);
        }

        /** From the stored analysis; an article stored without one (an older build) is analysed from its text. */
        private AnalyzedArticle restored(StoredArticle s) {
            AnalyzedArticle a = PackedAnalysis.unpack(s.analysis(), s.id(), s.publishedAtMillis(), s.text(),
                    config.shingleWords());
            if (a == null) {
                return analyzed(s.id(), s.publishedAtMillis(), s.text());
            }
            cache.put(s.id(), a);
            return a;
        }
    }

    private ArticleDecision decide(AnalyzedArticle x, List<Neighbor> neighbors) {
        Neighbor earliest = null;
        for (Neighbor n : neighbors) {
            if (n.article().isEarlierThan(x) && (earliest == null || n.article().isEarlierThan(earliest.article()))) {
                earliest = n;
            }
        }
        if (earliest == null) {
            return new ArticleDecision(x.id(), x.publishedAtMillis(), ArticleDecision.Kind.UNIQUE, x.id(), 1.0, 1.0,
                    "unique", config.jaccardThreshold(), config.containmentThreshold(), config.algorithmVersion());
        }
        return new ArticleDecision(x.id(), x.publishedAtMillis(), earliest.kind(), earliest.article().id(),
                earliest.jaccard(), earliest.containment(), earliest.method(), config.jaccardThreshold(),
                config.containmentThreshold(), config.algorithmVersion());
    }

    // ---- helpers ----

    private boolean withinHorizon(AnalyzedArticle x, Posting p) {
        return Math.abs(x.publishedAtMillis() - p.publishedAtMillis()) <= config.horizon().toMillis();
    }

    private long[] fingerprintHashes(AnalyzedArticle x) {
        return distinctHashes(fingerprints(x));
    }

    private List<Winnowing.Fingerprint> fingerprints(AnalyzedArticle x) {
        return Winnowing.fingerprints(x.positionalShingles(), config.winnowWindow());
    }

    private static long[] distinctHashes(List<Winnowing.Fingerprint> fingerprints) {
        return fingerprints.stream().mapToLong(Winnowing.Fingerprint::hash).distinct().sorted().toArray();
    }

    private static final String TIME_PREFIX = "t:";
    private static final String INDEXED_MARKER = "m:indexed";

    /** Sorts by time for any sign of it: the sign bit flipped, as 16 hex digits. */
    private static String expiryKey(long publishedAtMillis, String id) {
        return TIME_PREFIX + String.format("%016x", publishedAtMillis ^ Long.MIN_VALUE) + (id.isEmpty() ? "" : ":" + id);
    }

    private static String fingerprintKey(long hash) {
        return "f:" + dev.parley.text.Hashing.hex16(hash);
    }

    private AnalyzedArticle analyzed(String id, long at, String text) {
        AnalyzedArticle a = AnalyzedArticle.of(id, at, text, config.shingleWords());
        cache.put(id, a);
        return a;
    }

    private static List<PassageMatch> sortedMatches(Set<PassageMatch> matches) {
        List<PassageMatch> list = new ArrayList<>(matches);
        list.sort(Comparator.comparing(PassageMatch::articleA).thenComparing(PassageMatch::articleB)
                .thenComparingInt(PassageMatch::wordStartA).thenComparingInt(PassageMatch::wordStartB)
                .thenComparingInt(PassageMatch::wordEndA).thenComparingInt(PassageMatch::wordEndB));
        return List.copyOf(list);
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
