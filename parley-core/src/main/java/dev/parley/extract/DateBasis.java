package dev.parley.extract;

/** Where an event's date came from; merging trusts them in this order. */
public enum DateBasis {
    /** A date expression in the passage ("el domingo 11 de enero", "este jueves"). */
    EXPLICIT,
    /** Dated relative to another event of the same sentence ("unos días después de que ..."). */
    RELATIVE_CLAUSE,
    /** The date of the embedded post the passage is part of. */
    POST_DATE,
    /** Nothing in the text: on or shortly before the publication date. */
    PUBLICATION_FALLBACK
}
