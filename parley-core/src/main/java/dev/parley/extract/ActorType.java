package dev.parley.extract;

public enum ActorType {
    PERSON, ORGANISATION, GROUP, COUNTRY
}
