package dev.parley.extract.actors;

import dev.parley.extract.Folding;
import dev.parley.extract.Gazetteer;
import dev.parley.extract.GuardedPattern;
import dev.parley.extract.Span;
import dev.parley.nlp.Dependency;
import dev.parley.nlp.EntityMention;
import dev.parley.nlp.ParsedSentence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Office titles in a sentence ("el canciller mexicano", "Japan's foreign minister", "the U.S. ambassador to
 * Mexico"): the gazetteer's role descriptions matched on folded text (so Spanish lower case and English capitals
 * both match), plus NER TITLE entities the descriptions do not know, each with the country its qualifiers name.
 */
final class OfficeTitles {

    /**
     * A title: its role (a gazetteer role id, or the folded title itself for NER titles), the title words, the
     * extent with its qualifiers ("U.S. ambassador to Mexico"), the office's country and, for envoys, the host.
     */
    record Title(String roleId, Span core, Span extent, String country, String host, boolean known,
                 List<CountryFinder.Hit> qualifiers) {
    }

    private record Description(GuardedPattern pattern, String roleId, String text) {
    }

    private static final Pattern BEFORE_GAP = Pattern.compile("\\s*(?:['\u2019]s)?\\s*");
    private static final Pattern AFTER_GAP = Pattern.compile("\\s*(?:(?:de|del|of)\\s+(?:(?:los|las|la|el|the)\\s+)?)?");
    private static final Pattern HOST_GAP = Pattern.compile("\\s*(?:to|in|en|ante)\\s+(?:(?:la|el|los|the)\\s+)?");
    private static final Set<String> QUALIFYING_RELATIONS = Set.of("amod", "nmod", "compound", "flat", "nn");
    private static final Set<String> ENVOY_ROLES = Set.of("ambassador", "envoy", "consul");

    private final Gazetteer gazetteer;
    private final List<Description> descriptions = new ArrayList<>();

    OfficeTitles(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
        for (Map.Entry<String, List<String>> role : gazetteer.roleDescriptions().entrySet()) {
            for (String d : role.getValue()) {
                descriptions.add(new Description(GuardedPattern.folded(d), role.getKey(), d));
            }
        }
        descriptions.sort(Comparator.comparingInt((Description d) -> -d.text.length()));
    }

    List<Title> find(ParsedSentence s, List<CountryFinder.Hit> countries) {
        String text = s.text();
        String folded = Folding.fold(text);
        List<Span> taken = new ArrayList<>();
        List<Title> titles = new ArrayList<>();
        for (Description d : descriptions) {
            Matcher m = d.pattern.matcherOrNull(folded);
            while (m != null && m.find()) {
                Span core = new Span(m.start(), m.end());
                // "la Secretaría de Relaciones Exteriores" is the ministry, not its secretary.
                if (overlapsAny(taken, core) || text.substring(core.start(), core.end()).toLowerCase().startsWith("secretaría")) {
                    continue;
                }
                taken.add(core);
                titles.add(qualify(s, folded, core, d.roleId, true, countries,
                        gazetteer.countryOfRoleDescription(d.text).orElse(null)));
            }
        }
        for (EntityMention e : s.entities()) {
            Span core = new Span(e.begin(), e.end());
            if (e.type().equals("TITLE") && !overlapsAny(taken, core)) {
                taken.add(core);
                titles.add(qualify(s, folded, core, PersonNames.slug(e.text()), false, countries, null));
            }
        }
        titles.sort(Comparator.comparing(Title::core));
        return titles;
    }

    private Title qualify(ParsedSentence s, String folded, Span core, String roleId, boolean known,
                          List<CountryFinder.Hit> countries, String impliedCountry) {
        String text = s.text();
        CountryFinder.Hit before = null;
        CountryFinder.Hit after = null;
        for (CountryFinder.Hit h : countries) {
            if (h.end() <= core.start() && BEFORE_GAP.matcher(text.substring(h.end(), core.start())).matches()) {
                before = h;
            } else if (after == null && h.begin() >= core.end()
                    && AFTER_GAP.matcher(folded.substring(core.end(), h.begin())).matches()) {
                after = h;
            }
        }
        CountryFinder.Hit by = before != null ? before : after;
        List<CountryFinder.Hit> qualifiers = new ArrayList<>();
        int start = core.start();
        int end = core.end();
        String country = null;
        if (by != null) {
            country = by.code();
            qualifiers.add(by);
            start = Math.min(start, by.begin());
            end = Math.max(end, by.end());
        } else {
            CountryFinder.Hit byDependency = byDependency(s, core, countries);
            if (byDependency != null && ENVOY_ROLES.contains(roleId) && !byDependency.demonym()
                    && byDependency.begin() >= core.end()
                    && HOST_GAP.matcher(folded.substring(core.end(), byDependency.begin())).matches()) {
                // "el embajador en Estados Unidos, Eduardo Medina Mora": where an envoy serves is not whom for.
                byDependency = null;
            }
            if (byDependency != null) {
                country = byDependency.code();
                qualifiers.add(byDependency);
            } else {
                country = impliedCountry;
            }
        }
        String host = null;
        if (ENVOY_ROLES.contains(roleId)) {
            for (CountryFinder.Hit h : countries) {
                if (h.begin() >= end && !h.demonym() && !h.code().equals(country)
                        && HOST_GAP.matcher(folded.substring(end, h.begin())).matches()) {
                    host = h.code();
                    qualifiers.add(h);
                    end = h.end();
                    break;
                }
            }
        }
        return new Title(roleId, core, new Span(start, end), country, host, known, List.copyOf(qualifiers));
    }

    /** "el ministro de Asuntos Exteriores japonés": a country token the parser attaches to the title's words. */
    private static CountryFinder.Hit byDependency(ParsedSentence s, Span core, List<CountryFinder.Hit> countries) {
        for (Dependency d : s.dependencies()) {
            if (d.head() < 0 || !QUALIFYING_RELATIONS.contains(base(d.relation()))) {
                continue;
            }
            var head = s.tokens().get(d.head());
            var dependent = s.tokens().get(d.dependent());
            if (head.begin() >= core.start() && head.end() <= core.end()) {
                for (CountryFinder.Hit h : countries) {
                    if (dependent.begin() >= h.begin() && dependent.end() <= h.end()
                            && Math.abs(dependent.begin() - core.end()) < 40) {
                        return h;
                    }
                }
            }
        }
        return null;
    }

    static String base(String relation) {
        int colon = relation.indexOf(':');
        return colon < 0 ? relation : relation.substring(0, colon);
    }

    private static boolean overlapsAny(List<Span> spans, Span span) {
        return spans.stream().anyMatch(t -> t.start() < span.end() && span.start() < t.end());
    }
}
