package dev.parley.extract.actors;

import dev.parley.extract.Actor;
import dev.parley.extract.ActorMention;
import dev.parley.extract.ActorType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Countries for people the text names without one, from how news copy writes them: right after a body of a
 * country ("U.S. Treasury James Baker", "the Japanese Finance Ministry's Makoto Kuroda"), or with an unqualified
 * title in a story filed from a country ("President Reagan" under a Washington dateline). A person whose country
 * stays unknown is left as read.
 */
public final class PersonCountries {

    private static final java.util.regex.Pattern TITLE_WORDS = java.util.regex.Pattern.compile(
            "(?:['’]s)?(?:\\s+\\p{Lu}[\\p{L}.-]*){1,3}\\s+");

    private static final java.util.regex.Pattern BODY_THEN_TITLE = java.util.regex.Pattern.compile(
            "(?:['’]s)?(?:\\s+\\p{Lu}[\\p{L}.-]*){0,3}\\s*");

    /**
     * Bodies of many states, whose officials serve none of them: "the U.N. secretary-general" under a Moscow dateline
     * is not Russian. (The European Union is left out: it is a party of its own.)
     */
    private static final java.util.regex.Pattern INTERNATIONAL_BODY = java.util.regex.Pattern.compile(
            "\\b(?:United Nations|U\\.N\\.|UN|Naciones Unidas|ONU|NATO|OTAN|OPEC|OPEP|IMF|FMI|World Bank|Banco Mundial"
                    + "|OAS|OEA|GATT|WTO|OMC|IAEA|OIEA|Unasur|Celac|ASEAN|Arab League|Liga Árabe|Red Cross|Cruz Roja)(?!\\p{L})");

    /** How far before a name its title runs ("El secretario general de las Naciones Unidas (ONU), Ban Ki-Moon"). */
    private static final int TITLE_REACH = 80;

    private PersonCountries() {
    }

    /** @param sentence the text the mentions' spans index; {@code dateline} the story's country, if known */
    public static List<ActorMention> complete(List<ActorMention> mentions, String sentence, Optional<String> dateline) {
        return mentions.stream().map(m -> {
            if (!withoutCountry(m.actor())) {
                return m;
            }
            Optional<String> country = bodyRightBefore(m, mentions, sentence);
            if (country.isEmpty() && !m.actor().roles().isEmpty() && !internationalOfficial(m, sentence)) {
                country = dateline;
            }
            return country.map(c -> new ActorMention(withCountry(m.actor(), c), m.span(), m.via())).orElse(m);
        }).toList();
    }

    private static boolean internationalOfficial(ActorMention person, String sentence) {
        int start = Math.min(person.span().start(), sentence.length());
        return INTERNATIONAL_BODY.matcher(sentence.substring(Math.max(0, start - TITLE_REACH), start)).find();
    }

    private static boolean withoutCountry(Actor a) {
        return a.type() == ActorType.PERSON && a.countries().isEmpty() && !a.id().startsWith("office:");
    }

    /**
     * People read without a country take the one the article gives the same person elsewhere (same name, or a
     * surname of a fuller name), when all such readings agree.
     */
    public static List<ActorMention> fromArticle(List<ActorMention> mentions, List<Actor> articleActors) {
        List<ActorMention> out = new ArrayList<>(mentions.size());
        for (ActorMention m : mentions) {
            Actor a = m.actor();
            if (!withoutCountry(a)) {
                out.add(m);
                continue;
            }
            List<String> words = PersonNames.words(a.name());
            java.util.Set<String> countries = new java.util.TreeSet<>();
            Actor fuller = null;
            for (Actor other : articleActors) {
                if (other.type() != ActorType.PERSON || other.countries().isEmpty() || other.id().startsWith("office:")) {
                    continue;
                }
                List<String> known = PersonNames.words(other.name());
                if (known.equals(words) || PersonNames.isSurnameOf(words, known) || PersonNames.isSurnameOf(known, words)) {
                    countries.addAll(other.countries());
                    fuller = fuller == null || known.size() > PersonNames.words(fuller.name()).size() ? other : fuller;
                }
            }
            out.add(countries.size() == 1 ? new ActorMention(fuller, m.span(), m.via()) : m);
        }
        return out;
    }

    private static Optional<String> bodyRightBefore(ActorMention person, List<ActorMention> mentions, String sentence) {
        for (ActorMention other : mentions) {
            Actor o = other.actor();
            if (other == person || o.type() == ActorType.PERSON || o.countries().size() != 1
                    || other.span().start() >= person.span().start()) {
                continue;
            }
            String gap = other.span().end() >= person.span().start() ? ""
                    : sentence.substring(other.span().end(), person.span().start());
            // "U.S. Treasury Secretary James Baker", "Japan's Finance Minister Kiichi Miyazawa": a body or a country,
            // then title words, then the name.
            boolean body = o.type() == ActorType.ORGANISATION && BODY_THEN_TITLE.matcher(gap).matches();
            boolean country = o.type() == ActorType.COUNTRY && TITLE_WORDS.matcher(gap).matches();
            if (body || country) {
                return Optional.of(o.country());
            }
        }
        return Optional.empty();
    }

    /** The same person, of the country the text gives them (their id names it). */
    public static Actor withCountry(Actor a, String country) {
        String id = a.id().startsWith("person:") ? "person:" + country + ":" + PersonNames.slug(a.name()) : a.id();
        return new Actor(id, a.type(), a.name(), List.of(country), a.roles(), a.parentOrg(), a.accreditedTo());
    }
}
