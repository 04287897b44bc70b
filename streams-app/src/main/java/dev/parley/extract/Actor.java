package dev.parley.extract;

import java.util.List;

/**
 * A gazetteer entry. Countries are actors too (id "country:MX"), so a participant list can name a state when the
 * text names no person. Synthetic office holders ("MX/foreign-minister") come from a role plus a country.
 */
public record Actor(String id, ActorType type, String name, List<String> countries, List<String> roles,
                    String parentOrg) {

    public String country() {
        return countries.isEmpty() ? null : countries.get(0);
    }

    /** Persons, organisations and groups are the "who" of an event; countries only locate it. */
    public boolean isKeyActor() {
        return type != ActorType.COUNTRY;
    }
}
