package dev.parley.extract;

/**
 * An actor found in text: via a gazetteer name or alias, a handle, a country name or adjective, a role description
 * resolved to its holder, or read from the text itself (dev.parley.extract.actors): a person's name, a surname
 * naming a person seen earlier in the article, an office with no name, an organisation's name.
 */
public record ActorMention(Actor actor, Span span, Via via) {

    public enum Via {
        NAME, HANDLE, COUNTRY_NAME, COUNTRY_ADJECTIVE, ROLE, PERSON_NAME, SURNAME, OFFICE, ORGANISATION_NAME
    }
}
