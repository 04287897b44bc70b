package dev.parley.dedup;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongToIntFunction;

/**
 * Finds an article's boilerplate from the document frequency of its winnowing fingerprints (README "Common
 * phrases"). A fingerprint carried by more than {@link DedupConfig#commonPhraseArticles()} distinct articles is
 * common. Common fingerprints closer than {@link DedupConfig#maxChainGap()} + {@link DedupConfig#winnowWindow()}
 * shingles form one run (so an outlet's edit inside a widely reprinted text does not cut it into pieces); a run
 * spanning fewer than {@link DedupConfig#boilerplateMaxWords()} words is boilerplate, a longer one is a text many
 * outlets reprint (a communiqué) and still aligns. Length is the test, not the share of the article: a dateline is
 * a large share of a small article, which is exactly the syndicated case.
 */
final class CommonPhrases {

    /**
     * @param spans                 the boilerplate, in text order
     * @param maskedShingles        positional shingles of the article that alignment must ignore
     * @param boilerplateHashes     fingerprints inside boilerplate: not used to find passage partners
     */
    record Found(List<Boilerplate> spans, BitSet maskedShingles, Set<Long> boilerplateHashes) {
        static final Found NONE = new Found(List.of(), new BitSet(), Set.of());

        boolean isEmpty() {
            return spans.isEmpty();
        }
    }

    private CommonPhrases() {
    }

    /**
     * @param fingerprints the article's winnowing fingerprints, in position order
     * @param articles     distinct articles in the index carrying a fingerprint hash
     */
    static Found find(AnalyzedArticle article, List<Winnowing.Fingerprint> fingerprints, LongToIntFunction articles,
                      DedupConfig config) {
        int k = config.shingleWords();
        int w = config.winnowWindow();
        int joinGap = config.maxChainGap() + w;
        int lastWord = article.words().size() - 1;
        int lastShingle = article.positionalShingles().length - 1;
        List<Boilerplate> spans = new ArrayList<>();
        BitSet masked = new BitSet();
        Set<Long> hashes = new HashSet<>();
        List<Winnowing.Fingerprint> run = new ArrayList<>();
        int runMin = Integer.MAX_VALUE;
        for (int i = 0; i <= fingerprints.size(); i++) {
            Winnowing.Fingerprint fp = i < fingerprints.size() ? fingerprints.get(i) : null;
            int df = fp == null ? 0 : articles.applyAsInt(fp.hash());
            boolean common = df > config.commonPhraseArticles();
            if (!run.isEmpty() && (fp == null || (common && fp.position() - last(run) > joinGap))) {
                int first = run.get(0).position();
                int end = Math.min(lastWord, last(run) + k - 1);
                int words = end - first + 1;
                if (words < config.boilerplateMaxWords()) {
                    spans.add(new Boilerplate(article.words().start(first), article.words().end(end),
                            words, runMin));
                    // Winnowing keeps one shingle of every w: the run's text starts and ends within w - 1 shingles.
                    masked.set(Math.max(0, first - (w - 1)), Math.min(lastShingle, last(run) + (w - 1)) + 1);
                    run.forEach(f -> hashes.add(f.hash()));
                }
                run.clear();
                runMin = Integer.MAX_VALUE;
            }
            if (common) {
                run.add(fp);
                runMin = Math.min(runMin, df);
            }
        }
        return spans.isEmpty() ? Found.NONE : new Found(List.copyOf(spans), masked, Set.copyOf(hashes));
    }

    private static int last(List<Winnowing.Fingerprint> run) {
        return run.get(run.size() - 1).position();
    }
}
