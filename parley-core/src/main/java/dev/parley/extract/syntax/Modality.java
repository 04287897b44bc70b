package dev.parley.extract.syntax;

/** Whether a trigger reports something that happened. Only ASSERTED triggers make events. */
public enum Modality {
    ASSERTED, NEGATED, CONDITIONAL, HEDGED, PLANNED
}
