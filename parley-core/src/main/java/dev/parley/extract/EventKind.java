package dev.parley.extract;

/** Event kinds of the Parley ontology; scores, groups and documentation live in parley/ontology.json. */
public enum EventKind {
    CONSULT_CALL, MEET_VISIT, JOINT_STATEMENT, AGREEMENT_COMMITMENT, STATEMENT, DEMAND, THREAT, REJECTION
}
