package dev.parley.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Each {@code parley bench} command at tiny scale: it runs to the end and prints its report. Nothing is timed. */
@Tag("integration")
class BenchCommandsSmokeTest {

    private static final String BASES = System.getProperty("parley.seeds.dir") + ","
            + System.getProperty("parley.samples.dir");

    private record Run(int exitCode, String out) {
    }

    private static Run bench(String... args) {
        List<String> all = new ArrayList<>(List.of("bench"));
        all.addAll(List.of(args));
        PrintStream before = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int code = new CommandLine(new ParleyToolsCommand()).execute(all.toArray(String[]::new));
            return new Run(code, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(before);
        }
    }

    @Test
    void corpusWritesTheArticlesAndPrintsTheShares(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("corpus.jsonl");
        Run run = bench("corpus", "--count", "100", "--seed", "4", "--exact-share", "0.2", "--bases", BASES,
                "--out", out.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(Files.readAllLines(out)).hasSize(100).allSatisfy(line -> assertThat(line).startsWith("{\"id\":"));
        assertThat(run.out()).contains("RESULT corpus written to").contains("exact copy 20 (20.0%)")
                .contains("near copy 10 (10.0%)").contains("reprint 10 (10.0%)");
    }

    @Test
    void pipelineReportsBothRunsOfEveryRepetitionAndTheRatio() {
        Run run = bench("pipeline", "--articles", "40", "--repetitions", "2", "--seed", "2", "--bases", BASES);
        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).containsPattern("repetition 1: pass-through [0-9.]+ s = [0-9.]+ articles/s; full pipeline")
                .containsPattern("repetition 2: pass-through")
                .containsPattern("RESULT pass-through articles/s: median [0-9.]+ articles/s \\(min [0-9.]+, max [0-9.]+, n=2\\)")
                .containsPattern("RESULT full pipeline articles/s: median [0-9.]+ articles/s .*n=2\\)")
                .containsPattern("RESULT ratio full/pass-through: median [0-9.]+ x .*target >= 0.5: (met|NOT met)");
    }

    @Test
    void scalingReportsEachSizeTheRatioAndMemory(@TempDir Path dir) {
        Run run = bench("scaling", "--sizes", "200,400", "--probes", "30", "--bases", BASES, "--dir", dir.toString());
        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).containsPattern("indexed 200 \\(bulk load [0-9]+ s\\): per article mean [0-9.]+ ms")
                .containsPattern("indexed 400 \\(bulk load")
                .containsPattern("probe decisions \\{.*STORY->UNIQUE=[0-9]+")
                .containsPattern("RESULT scaling mean per-article cost 400 vs 200 indexed: .* = [0-9.]+x")
                .containsPattern("RESULT memory with 400 indexed: heap after GC [0-9]+ MiB");
    }

    @Test
    void latencyReportsPercentilesAndTheCommitInterval() {
        Run run = bench("latency", "--rate", "10", "--seconds", "2", "--warm-up-seconds", "1", "--bases", BASES,
                "--set", "parley.commit.interval.ms=100");
        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).containsPattern("RESULT latency at 10 articles/s, commit interval 100 ms, exactly_once_v2: "
                + "[0-9]+/20 visible; p50 [0-9]+ ms, p99 [0-9]+ ms, max [0-9]+ ms");
    }
}
