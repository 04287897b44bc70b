package dev.parley.ingest;

import dev.parley.avro.Article;
import dev.parley.avro.RejectedInput;

import java.util.Objects;

/** What became of one input item: an article for the raw log, or a dead-letter record. */
public sealed interface IngestOutcome {

    /** The origin of the item, for logs and messages. */
    String origin();

    record Accepted(Article article) implements IngestOutcome {
        public Accepted {
            Objects.requireNonNull(article, "article");
        }

        @Override
        public String origin() {
            return article.getSource().getOrigin();
        }
    }

    record Rejected(RejectedInput rejection) implements IngestOutcome {
        public Rejected {
            Objects.requireNonNull(rejection, "rejection");
        }

        @Override
        public String origin() {
            return rejection.getOrigin();
        }

        /** One line for stderr: {@code REJECTED <origin>: <REASON> <message>}. */
        public String describe() {
            return "REJECTED " + rejection.getOrigin() + ": " + rejection.getReason() + " " + rejection.getMessage();
        }
    }
}
