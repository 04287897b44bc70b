/**
 * Deduplication core: plain Java, no Kafka. The Kafka layer calls {@link dev.parley.dedup.DedupEngine#plan}
 * once per article (in one co-partitioned sub-topology) with stores backing {@link dev.parley.dedup.store.DedupStores}
 * and applies the plan's writes once it is complete, and stages {@link dev.parley.dedup.DedupEngine#expire} into the
 * same plan whenever the {@link dev.parley.dedup.ExpiryClock} has moved a day on.
 *
 * <h2>Three levels</h2>
 * <ol>
 * <li><b>Exact copies</b>: same sequence of folded words (NFKC, lower case, no accents, punctuation and links
 * dropped), keyed by a 128-bit hash ("x:..." bucket).</li>
 * <li><b>Near-identical articles</b>: word 5-shingles, 128-permutation MinHash, LSH with 32 bands of 4 rows. The
 * S-curve P(candidate | Jaccard s) = 1 - (1 - s^4)^32 is 0.9998 at s = 0.7 (the default threshold), 1.0000 at
 * 0.8, 0.873 at 0.5, 0.23 at 0.3 and 0.012 at 0.14 (the largest seed pair): candidate recall at the threshold is
 * what matters, and candidates are then verified by exact Jaccard (>= 0.7) or containment (>= 0.9 of the smaller
 * text, when it is at least half the size of the larger), so precision does not depend on the estimate. 16x8 and
 * 20x6 bandings miss 7% and 1% of oracle pairs at 0.7 (measured by {@code parley eval dedup}). Jaccard 0.7 sits
 * above the whole-text similarity of different stories on one event (the seeds: <= 0.15); pairs below it that
 * still share text are left to the passage level. Per article at most 64 candidates are verified and 64 passage
 * partners aligned, whatever the index size.</li>
 * <li><b>Passages and statements</b>: winnowing (k = 5, w = 4: every shared run of 8 words shares a fingerprint)
 * finds partner articles; {@link dev.parley.dedup.PassageAligner} aligns all shared 5-grams into runs, chains runs
 * across gaps of up to 8 words, and keeps a passage when it matches >= 12 words, has an unbroken run of >= 8
 * (the winnowing guarantee) and >= 5 substantive words (lower case in the text and not a function word, from the
 * data file {@code /text/function-words.txt}). The last rule is what keeps formulas out: "el secretario de
 * Relaciones Exteriores, Juan Ramón de la Fuente, y el secretario de Estado" matches 15 words verbatim across
 * unrelated articles but has two substantive words. {@link dev.parley.dedup.StatementBuilder} merges passages
 * of one article closer than 20 words into one region (a communiqué quoted paragraph by paragraph, with short
 * attributions between) and takes connected components of regions linked by passages as statements.</li>
 * </ol>
 *
 * <h2>Common phrases</h2>
 * The index counts the distinct articles carrying each winnowing fingerprint. {@link dev.parley.dedup.CommonPhrases}
 * turns runs of fingerprints carried by more than 50 articles that span fewer than 40 words into boilerplate
 * (datelines, agency credits): it finds no partners, is masked in alignment and is listed in the decision; when a
 * phrase becomes common, the articles already aligned on it are aligned again. Longer common runs (a communiqué
 * many outlets reprint) still make statements.
 *
 * <h2>Semantics</h2>
 * Canonical = earliest by (publishedAt, id) among an article and its direct duplicates; a late earlier copy yields
 * corrections. Only unique articles take part in the passage level. Statement ids hash the canonical article id and
 * its normalised text: they change when the canonical changes, and the result lists the retracted ids. Final
 * state depends only on the set of articles (tested over random permutations with repetitions), with two
 * documented bounds: buckets keep the earliest 64 postings (the canonical is always kept; an overflowing bucket
 * means a common phrase or a very large cluster), and statement regrouping visits at most 200 articles.
 * Articles further apart than the horizon (30 days) are never compared; a copy of an article older than the horizon
 * is treated as unique and starts a new cluster.
 */
package dev.parley.dedup;
