package dev.parley.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

class EvalAndBenchCommandsTest {

    @Test
    void evalDedupPassesItsOptionsToTheEvaluationUntouched() {
        ParseResult parsed = new CommandLine(new ParleyToolsCommand())
                .parseArgs("eval", "dedup", "--bases", "50", "--seed", "3", "--mode", "throughput");
        EvalCommand.Dedup dedup = (EvalCommand.Dedup) parsed.subcommand().subcommand().commandSpec().userObject();
        assertThat(dedup.args).containsExactly("--bases", "50", "--seed", "3", "--mode", "throughput");
    }

    @Test
    void benchDedupReadsArticlesSeedAndBaseFolders() {
        ParseResult parsed = new CommandLine(new ParleyToolsCommand())
                .parseArgs("bench", "dedup", "--articles", "10000", "--seed", "2", "--bases", "a,b");
        BenchCommand.Dedup dedup = (BenchCommand.Dedup) parsed.subcommand().subcommand().commandSpec().userObject();
        assertThat(dedup.articles).isEqualTo(10000);
        assertThat(dedup.seed).isEqualTo(2);
        assertThat(dedup.bases).isEqualTo(List.of(Path.of("a"), Path.of("b")));
    }

    @Test
    void benchDedupReadsTheSharedDatelineCase() {
        ParseResult parsed = new CommandLine(new ParleyToolsCommand())
                .parseArgs("bench", "dedup", "--copy-share", "0", "--max-words", "120", "--shared-dateline");
        BenchCommand.Dedup dedup = (BenchCommand.Dedup) parsed.subcommand().subcommand().commandSpec().userObject();
        assertThat(dedup.copyShare).isZero();
        assertThat(dedup.maxWords).isEqualTo(120);
        assertThat(dedup.sharedDateline).isTrue();
    }
}
