package dev.parley.extract.world;

/**
 * One mention of a country in a text. {@code begin}/{@code end} are character offsets into the text as given.
 *
 * @param code                    the country, or null when {@code needsCountryFromContext} ("la Cancillería" alone)
 * @param alsoPersonName          the form is also a common given name or surname ("Monaco", "Jordan", "Washington"):
 *                                drop the mention when NER says PERSON
 * @param needsCountryFromContext a generic ministry whose country the surrounding text must say
 */
public record CountryMention(String code, int begin, int end, String surface, Via via, boolean alsoPersonName,
                             boolean needsCountryFromContext) {

    public boolean hasCountry() {
        return code != null;
    }
}
