package dev.parley.views;

import java.util.List;
import java.util.Optional;

/** Every view the API can query, by store name. Later views (dyads, events, commitments) add one line here. */
public final class ViewStores {

    public static final String CATALOG_STAGE = "catalog";
    public static final String VIEWS_STAGE = "views";

    /** article id → Article as ingested. */
    public static final ViewStore ARTICLES = new ViewStore("parley-articles", CATALOG_STAGE);
    /** statement id → ReprintedStatement. */
    public static final ViewStore STATEMENTS = new ViewStore("parley-statements", VIEWS_STAGE);
    /** article id → its current DedupDecision (cluster, canonical, kind). */
    public static final ViewStore ARTICLE_DEDUP = new ViewStore("parley-article-dedup", VIEWS_STAGE);
    /** cluster id → ClusterMembers. */
    public static final ViewStore CLUSTER_MEMBERS = new ViewStore("parley-cluster-members", VIEWS_STAGE);
    /** article id → ArticleStatements (the statements the article carries). */
    public static final ViewStore ARTICLE_STATEMENTS = new ViewStore("parley-article-statements", VIEWS_STAGE);
    /**
     * {@code article id|part} → ProvenancePart (its dedup decision, its cluster's members, each statement it carries),
     * partitioned by the article id alone: an article's provenance is one prefix of one partition.
     */
    public static final ViewStore ARTICLE_PROVENANCE = new ViewStore("views-article-provenance", VIEWS_STAGE);

    /** event id → EngagementEvent (with its sources). */
    public static final ViewStore EVENTS = new ViewStore("parley-events", VIEWS_STAGE);
    /** commitment id → EngagementCommitment (with its status). */
    public static final ViewStore COMMITMENTS = new ViewStore("parley-commitments", VIEWS_STAGE);

    /**
     * {@code dyad|event id} → EngagementEvent, partitioned by the dyad alone: a dyad's events are one prefix of one
     * partition ({@link QueryRouter#group}), so a list filtered by dyad reads only them.
     */
    public static final ViewStore DYAD_EVENTS = new ViewStore("views-dyad-events", VIEWS_STAGE);
    /** {@code dyad|commitment id} → EngagementCommitment, partitioned by the dyad alone, like {@link #DYAD_EVENTS}. */
    public static final ViewStore DYAD_COMMITMENTS = new ViewStore("views-dyad-commitments", VIEWS_STAGE);

    /** dyad → its current DyadState (every known fact, statuses as reported); also the index of known dyads. */
    public static final ViewStore DYADS = new ViewStore("parley-dyads", VIEWS_STAGE);
    /** dyad → DyadState, versioned (KIP-889): one version per event date, queried as of a day through IQv2. */
    public static final ViewStore DYAD_HISTORY = new ViewStore("parley-dyad-history", VIEWS_STAGE);
    /** actor id → ActorView (the events the actor took part in). */
    public static final ViewStore ACTORS = new ViewStore("parley-actors", VIEWS_STAGE);

    private static final List<ViewStore> ALL = List.of(ARTICLES, STATEMENTS, ARTICLE_DEDUP, CLUSTER_MEMBERS,
            ARTICLE_STATEMENTS, ARTICLE_PROVENANCE, EVENTS, COMMITMENTS, DYAD_EVENTS, DYAD_COMMITMENTS, DYADS, DYAD_HISTORY, ACTORS);

    private ViewStores() {
    }

    public static List<ViewStore> all() {
        return ALL;
    }

    public static Optional<ViewStore> byName(String name) {
        return ALL.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
