package dev.parley.extract.actors;

import dev.parley.extract.world.CountryKnowledge;
import dev.parley.extract.world.CountryMention;
import dev.parley.extract.world.Via;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The country a story is filed from, read from its dateline ("WASHINGTON, March 12 - ", "Tokio. ", "México, DF.").
 * Wire and newsroom copy write an unqualified title ("President Reagan", "el canciller Patriota") for an office of
 * that country, so a titled person whose country the text never says is taken to hold it there.
 */
public final class DatelineCountry {

    /** A place: up to four capitalised words ("WASHINGTON", "Tel Aviv", "La Paz"). */
    private static final String PLACE = "\\p{Lu}[\\p{L}'’.]*(?:[ -]\\p{Lu}[\\p{L}'’.]*){0,3}";
    // The place, then what ends a dateline: a comma before a date or district, an agency credit, a period or dash.
    private static final Pattern DATELINE = Pattern.compile(
            "^\\s*(" + PLACE + ")\\s*(?:,|\\(|\\.-|\\.\\s|\\s[-–—]\\s|:)");
    /** The whole dateline: place, an optional date or district, an optional agency credit, then its separator. */
    private static final Pattern WHOLE_DATELINE = Pattern.compile(
            "^\\s*" + PLACE + "\\s*(?:,[^\\n.–—-]{1,40}?)?\\s*(?:\\([^)\\n]{1,30}\\)\\s*)?(?:[-–—]\\s|\\.-\\s*|\\.\\s)");
    /** Images, links and tags a post may open with before its dateline. */
    private static final Pattern LEADING_MARKUP = Pattern.compile("^(?:\\s*(?:!?\\[[^\\]]*\\]\\([^)]*\\)|<[^>]*>))+");
    /** Capitals whose datelines mostly report international bodies seated there (EU, NATO, UN, OPEC). */
    private static final Set<String> SEATS_OF_INTERNATIONAL_BODIES = Set.of("BE", "LU");

    private final CountryKnowledge world;

    public DatelineCountry(CountryKnowledge world) {
        this.world = world;
    }

    /**
     * Where the dateline ends in the body (0 when it opens with none): a date written in it ("OSLO, March 6 -") is
     * when the story was filed, not when anything in it happened.
     */
    public int end(String body) {
        int skipped = markupLength(body);
        Matcher m = WHOLE_DATELINE.matcher(body.substring(skipped));
        return m.find() && m.end() <= 80 ? skipped + m.end() : 0;
    }

    private static int markupLength(String body) {
        Matcher markup = LEADING_MARKUP.matcher(body);
        return markup.lookingAt() ? markup.end() : 0;
    }

    /** The dateline's country, when the body opens with a capital or a country's name that the whole place is. */
    public Optional<String> of(String body, String language, LocalDate date) {
        Matcher m = DATELINE.matcher(body.substring(markupLength(body)));
        if (!m.find()) {
            return Optional.empty();
        }
        String place = m.group(1).replaceAll("\\.$", "");
        List<CountryMention> found = world.find(place, language, date);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        CountryMention first = found.get(0);
        boolean whole = first.begin() == 0 && first.end() >= place.length() - 1;
        boolean placeName = first.via() == Via.CAPITAL || first.via() == Via.NAME;
        if (!whole || !placeName || !first.hasCountry() || SEATS_OF_INTERNATIONAL_BODIES.contains(first.code())) {
            return Optional.empty();
        }
        return Optional.of(first.code());
    }
}
