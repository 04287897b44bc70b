package dev.parley.views;

import java.util.List;
import java.util.TreeSet;

/** The ids of the statements one article carries, sorted. */
public record ArticleStatements(List<String> statementIds) {

    public ArticleStatements {
        statementIds = List.copyOf(statementIds);
    }

    public static ArticleStatements empty() {
        return new ArticleStatements(List.of());
    }

    public ArticleStatements apply(MembershipChange change) {
        TreeSet<String> ids = new TreeSet<>(statementIds);
        if (change.present()) {
            ids.add(change.statementId());
        } else {
            ids.remove(change.statementId());
        }
        return new ArticleStatements(List.copyOf(ids));
    }
}
