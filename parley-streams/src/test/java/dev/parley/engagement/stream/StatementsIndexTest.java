package dev.parley.engagement.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.avro.Derivation;
import dev.parley.avro.ReprintedStatement;
import dev.parley.avro.StatementReprint;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatementsIndexTest {

    private static StatementReprint reprint(String article, Derivation derivation, boolean canonical) {
        return StatementReprint.newBuilder().setArticleId(article).setCharStart(0).setCharEnd(10).setSimilarity(1.0)
                .setDerivation(derivation).setShare(derivation == Derivation.WHOLLY ? 0.9 : 0.2)
                .setCanonical(canonical).build();
    }

    private static ReprintedStatement statement(StatementReprint... reprints) {
        return ReprintedStatement.newBuilder().setId("st-1").setCanonicalArticleId(reprints[0].getArticleId())
                .setCanonicalText("texto del comunicado conjunto").setFirstSeen(Instant.parse("2026-01-15T00:00:00Z"))
                .setReprints(List.of(reprints)).build();
    }

    @Test
    void anArticleWhollyDerivedFromAStatementIsNotAnIndependentOrigin() {
        ReprintedStatement communique = statement(reprint("a", Derivation.PARTIALLY, true),
                reprint("b", Derivation.WHOLLY, false), reprint("c", Derivation.PARTIALLY, false));

        assertThat(StatementsIndex.independentOrigins(List.of("a", "b", "c"), List.of(communique))).isEqualTo(2);
        assertThat(StatementsIndex.independentOrigins(List.of("a", "b", "c"), List.of())).isEqualTo(3);
        assertThat(StatementsIndex.independentOrigins(List.of("b"), List.of(communique))).isEqualTo(1);
    }
}
