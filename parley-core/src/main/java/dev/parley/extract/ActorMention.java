package dev.parley.extract;

/** An actor found in text: via a name or alias, a handle, a country name or adjective, or a role description. */
public record ActorMention(Actor actor, Span span, Via via) {

    public enum Via {
        NAME, HANDLE, COUNTRY_NAME, COUNTRY_ADJECTIVE, ROLE
    }
}
