package dev.parley.bench.jmh;

import dev.parley.extract.world.CountryKnowledge;
import dev.parley.extract.world.CountryMention;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/** CountryKnowledge.find over team-written news sentences (Spanish and English, ~110 chars each), per sentence. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class CountryKernels {

    private static final List<String[]> SENTENCES = List.of(
            new String[] {"es", "El canciller mexicano conversó por teléfono con el secretario de Estado de Estados Unidos sobre la frontera."},
            new String[] {"es", "La Cancillería mexicana rechazó este viernes las declaraciones del embajador estadunidense y pidió a Washington una explicación."},
            new String[] {"es", "El presidente se reunió en Palacio Nacional con una delegación de empresarios chinos y japoneses para hablar de inversiones."},
            new String[] {"es", "Los gobiernos de Argentina, Brasil y Chile acordaron coordinar su postura ante la Unión Europea en la próxima cumbre."},
            new String[] {"es", "Moscú y Pekín firmaron un acuerdo energético mientras la Casa Blanca guardaba silencio sobre las sanciones."},
            new String[] {"es", "La reunión del grupo bilateral se celebró ayer en la capital con la presencia de funcionarios de ambos países."},
            new String[] {"en", "The White House said the president would call the South Korean leader after the talks in Tokyo ended without agreement."},
            new String[] {"en", "Mexico's foreign ministry summoned the U.S. ambassador to protest remarks made in Washington about the border."},
            new String[] {"en", "Saudi and Iraqi officials denied reports that they had met in Baghdad to discuss oil production quotas."},
            new String[] {"en", "the kremlin said on monday that russia and china would hold joint exercises near japan next month."},
            new String[] {"en", "US AND MEXICO AGREE TO RESUME TALKS ON MIGRATION AFTER MEETING IN WASHINGTON"},
            new String[] {"en", "Officials from both delegations said the meeting had been constructive and would continue next week."});

    private final CountryKnowledge knowledge = CountryKnowledge.loadDefault();
    private int next;

    @Benchmark
    public List<CountryMention> findPerSentence() {
        String[] s = SENTENCES.get(next++ % SENTENCES.size());
        return knowledge.find(s[1], s[0]);
    }

    @Benchmark
    public void findAllTwelve(Blackhole sink) {
        for (String[] s : SENTENCES) {
            sink.consume(knowledge.find(s[1], s[0]));
        }
    }
}
