package dev.parley.extract;

import java.util.List;

/**
 * A gazetteer entry. Countries are actors too (id "country:MX"), so a participant list can name a state when the
 * text names no person. Synthetic office holders ("MX/foreign-minister") come from a role plus a country.
 */
public record Actor(String id, ActorType type, String name, List<String> countries, List<String> roles,
                    String parentOrg, String accreditedTo) {

    public Actor(String id, ActorType type, String name, List<String> countries, List<String> roles, String parentOrg) {
        this(id, type, name, countries, roles, parentOrg, null);
    }

    public String country() {
        return countries.isEmpty() ? null : countries.get(0);
    }

    /**
     * The countries whose relationship the actor's acts belong to: their own, and for an envoy (gazetteer field
     * {@code accreditedTo}) the host country too, so an ambassador's statement counts in the bilateral dyad.
     */
    public List<String> relationCountries() {
        if (accreditedTo == null || countries.contains(accreditedTo)) {
            return countries;
        }
        List<String> all = new java.util.ArrayList<>(countries);
        all.add(accreditedTo);
        return List.copyOf(all);
    }

    /** Persons, organisations and groups are the "who" of an event; countries only locate it. */
    public boolean isKeyActor() {
        return type != ActorType.COUNTRY;
    }
}
