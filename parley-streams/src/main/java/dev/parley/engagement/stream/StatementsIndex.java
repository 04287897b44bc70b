package dev.parley.engagement.stream;

import dev.parley.avro.Derivation;
import dev.parley.avro.ReprintedStatement;
import dev.parley.avro.StatementReprint;
import dev.parley.dedup.IndependentOrigins;
import dev.parley.dedup.MeterLabel;
import dev.parley.dedup.Reprint;
import dev.parley.dedup.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The statements the dedup stage published, as the dedup core's records, to count an event's independent origins
 * with the core's own rule ({@link IndependentOrigins}). Copies never reach this stage, so only statements matter.
 */
final class StatementsIndex {

    private StatementsIndex() {
    }

    static int independentOrigins(Collection<String> sourceArticleIds, Collection<ReprintedStatement> statements) {
        List<Statement> core = new ArrayList<>();
        for (ReprintedStatement s : statements) {
            core.add(toCore(s));
        }
        return IndependentOrigins.count(sourceArticleIds, id -> Optional.empty(), core);
    }

    /** The articles a statement can collapse: those wholly derived from it (the only labels the count reads). */
    static java.util.Set<String> collapsedArticles(ReprintedStatement s) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        if (s != null) {
            for (StatementReprint r : s.getReprints()) {
                if (r.getDerivation() == Derivation.WHOLLY) {
                    out.add(r.getArticleId());
                }
            }
        }
        return out;
    }

    static Statement toCore(ReprintedStatement s) {
        List<Reprint> reprints = new ArrayList<>();
        Map<String, MeterLabel> labels = new LinkedHashMap<>();
        for (StatementReprint r : s.getReprints()) {
            reprints.add(new Reprint(r.getArticleId(), r.getCharStart(), r.getCharEnd(), r.getSimilarity()));
            if (r.getDerivation() != Derivation.UNKNOWN) {
                labels.putIfAbsent(r.getArticleId(), new MeterLabel(r.getArticleId(), s.getId(),
                        MeterLabel.Derivation.valueOf(r.getDerivation().name()), r.getShare(), r.getCanonical()));
            }
        }
        return new Statement(s.getId(), s.getCanonicalArticleId(), s.getCanonicalText(), s.getFirstSeen().toEpochMilli(),
                reprints, List.copyOf(labels.values()));
    }
}
