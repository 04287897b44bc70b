package dev.parley.dedup.stream;

import dev.parley.avro.Article;
import dev.parley.avro.BoilerplateSpan;
import dev.parley.avro.DecisionEvent;
import dev.parley.avro.DedupDecision;
import dev.parley.avro.Derivation;
import dev.parley.avro.DuplicateKind;
import dev.parley.avro.ReprintedStatement;
import dev.parley.avro.StatementReprint;
import dev.parley.dedup.ArticleDecision;
import dev.parley.dedup.Boilerplate;
import dev.parley.dedup.MeterLabel;
import dev.parley.dedup.Reprint;
import dev.parley.dedup.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The dedup core's results as the Avro records of the stage's output topics. */
final class DedupRecords {

    private DedupRecords() {
    }

    static DedupDecision decision(ArticleDecision d, String clusterId, DecisionEvent event) {
        return decision(d, clusterId, event, List.of());
    }

    static DedupDecision decision(ArticleDecision d, String clusterId, DecisionEvent event,
                                  List<Boilerplate> boilerplate) {
        return DedupDecision.newBuilder()
                .setArticleId(d.articleId())
                .setPublishedAt(Instant.ofEpochMilli(d.publishedAtMillis()))
                .setKind(DuplicateKind.valueOf(d.kind().name()))
                .setCanonicalId(d.canonicalId())
                .setClusterId(clusterId)
                .setJaccard(d.jaccard())
                .setContainment(d.containment())
                .setMethod(Objects.requireNonNullElse(d.method(), "none"))
                .setJaccardThreshold(d.jaccardThreshold())
                .setContainmentThreshold(d.containmentThreshold())
                .setAlgorithmVersion(d.algorithmVersion())
                .setEvent(event)
                .setBoilerplate(boilerplate.stream().map(b -> BoilerplateSpan.newBuilder()
                        .setCharStart(b.charStart()).setCharEnd(b.charEnd()).setWords(b.words())
                        .setArticles(b.articles()).build()).toList())
                .build();
    }

    static ReprintedStatement statement(Statement s, Function<String, Article> articles, String algorithmVersion) {
        Map<String, MeterLabel> labels = s.labels().stream()
                .collect(Collectors.toMap(MeterLabel::articleId, l -> l, (a, b) -> a));
        List<StatementReprint> reprints = s.reprints().stream().map(r -> reprint(r, labels.get(r.articleId()),
                articles.apply(r.articleId()), s.canonicalArticleId())).toList();
        TreeSet<String> outlets = new TreeSet<>();
        reprints.forEach(r -> {
            if (r.getOutlet() != null) {
                outlets.add(r.getOutlet());
            }
        });
        return ReprintedStatement.newBuilder()
                .setId(s.id())
                .setCanonicalArticleId(s.canonicalArticleId())
                .setCanonicalText(s.canonicalText())
                .setFirstSeen(Instant.ofEpochMilli(s.firstSeenMillis()))
                .setReprints(reprints)
                .setOutlets(List.copyOf(outlets))
                .setAlgorithmVersion(algorithmVersion)
                .build();
    }

    private static StatementReprint reprint(Reprint r, MeterLabel label, Article article, String canonicalId) {
        return StatementReprint.newBuilder()
                .setArticleId(r.articleId())
                .setOrigin(article == null ? null : article.getSource().getOrigin())
                .setOutlet(article == null ? null : article.getSource().getOutlet())
                .setCharStart(r.charStart())
                .setCharEnd(r.charEnd())
                .setSimilarity(r.similarity())
                .setDerivation(label == null ? Derivation.UNKNOWN : Derivation.valueOf(label.derivation().name()))
                .setShare(label == null ? 0.0 : label.share())
                .setCanonical(r.articleId().equals(canonicalId))
                .build();
    }
}
