package dev.parley.engagement.stream;

import dev.parley.extract.ArticleFacts;

/** One unique article's extracted facts on their way to the merge, with where the article came from. */
record ReportedFacts(ArticleFacts facts, String origin) {
}
