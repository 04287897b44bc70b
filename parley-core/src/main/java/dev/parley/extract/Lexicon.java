package dev.parley.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Trigger words, cues, topics and stance markers from parley/lexicon.json (override: -Dparley.lexicon=FILE). */
public final class Lexicon {

    /** datedOnly: a reporting verb, an event only when its clause carries a date of its own. */
    public record Trigger(EventKind kind, GuardedPattern pattern, boolean datedOnly) {
    }

    public record Connector(Pattern pattern, int offsetDays, DatePrecision precision) {
    }

    public record Topic(String id, String label, Pattern pattern) {
    }

    public enum StanceType { PRESSURE, CONCILIATION, SOVEREIGNTY }

    public record StanceMarker(StanceType type, Pattern pattern) {
    }

    public final List<Trigger> triggers = new ArrayList<>();
    public final Pattern hedges;
    /** Titles of legislators, who do not speak for their state ("el senador republicano Lindsey Graham advirtió"). */
    public final Pattern legislativeTitles;
    public final Pattern instigatorCues;
    public final Pattern anaphoraCues;
    public final Pattern firstPersonCues;
    public final List<Connector> connectors = new ArrayList<>();
    public final Pattern meetingNouns;
    public final Pattern futureCues;
    public final Pattern reportingVerbs;
    public final List<Topic> topics = new ArrayList<>();
    public final List<StanceMarker> stances = new ArrayList<>();
    /** "Spanish firms", "exportadores estadounidenses": folded nouns on which a demonym names no state. */
    public final Set<String> privateNouns;
    /** "the Uruguay Round", "la Ronda de Doha": folded nouns a country's name names a thing with. */
    public final Set<String> namingNouns;
    /** "the Reagan administration", "el gobierno de Obama": folded nouns a leader's name names a government with. */
    public final Set<String> governmentNouns;
    /** "acompañado de", "participaron", "accompanied by": a sentence naming the members of a delegation. */
    public final Pattern delegationCues;
    /** "por parte del gobierno estadunidense", "la comitiva de Biden": the side whose members a sentence lists. */
    public final Pattern delegationSideCues;
    /** The parse's trigger words and cases (the file's {@code syntax} section). */
    public final dev.parley.extract.syntax.TriggerLexicon syntax;

    public Lexicon(InputStream json) {
        try {
            JsonNode root = new ObjectMapper().readTree(json);
            root.get("triggers").fields().forEachRemaining(e -> {
                EventKind kind = EventKind.valueOf(e.getKey());
                for (String p : DateResolver.strings(e.getValue())) {
                    triggers.add(new Trigger(kind, GuardedPattern.lexiconRegex(p), false));
                }
            });
            for (String p : DateResolver.strings(root.get("statementVerbs"))) {
                triggers.add(new Trigger(EventKind.STATEMENT, GuardedPattern.lexiconRegex(p), true));
            }
            hedges = Folding.anyOf(DateResolver.strings(root.get("hedges")));
            legislativeTitles = Folding.anyOf(DateResolver.strings(root.get("legislativeTitles")));
            Set<String> privates = new HashSet<>();
            DateResolver.strings(root.get("privateNouns")).forEach(w -> privates.add(Folding.fold(w)));
            privateNouns = Set.copyOf(privates);
            Set<String> governments = new HashSet<>();
            DateResolver.strings(root.get("governmentNouns")).forEach(w -> governments.add(Folding.fold(w)));
            governmentNouns = Set.copyOf(governments);
            Set<String> naming = new HashSet<>();
            DateResolver.strings(root.get("namingNouns")).forEach(w -> naming.add(Folding.fold(w)));
            namingNouns = Set.copyOf(naming);
            delegationCues = Folding.anyOf(DateResolver.strings(root.get("delegationCues")));
            delegationSideCues = Folding.anyOf(DateResolver.strings(root.get("delegationSideCues")));
            syntax = new dev.parley.extract.syntax.TriggerLexicon(root.get("syntax"));
            instigatorCues = Folding.anyOf(DateResolver.strings(root.get("instigatorCues")));
            anaphoraCues = Folding.anyOf(DateResolver.strings(root.get("anaphoraCues")));
            firstPersonCues = Folding.anyOf(DateResolver.strings(root.get("firstPersonCues")));
            for (JsonNode c : root.get("connectors")) {
                connectors.add(new Connector(Folding.wordPattern(c.get("pattern").asText()), c.get("offsetDays").asInt(),
                        DatePrecision.valueOf(c.path("precision").asText("WEEK"))));
            }
            meetingNouns = Folding.anyOf(DateResolver.strings(root.get("meetingNouns")));
            futureCues = Folding.anyOf(DateResolver.strings(root.get("futureCues")));
            reportingVerbs = Folding.anyOf(DateResolver.strings(root.get("reportingVerbs")));
            for (JsonNode t : root.get("topics")) {
                topics.add(new Topic(t.get("id").asText(), t.get("label").asText(),
                        Folding.anyOf(DateResolver.strings(t.get("patterns")))));
            }
            for (JsonNode s : root.get("stances")) {
                StanceType type = StanceType.valueOf(s.get("type").asText());
                for (String p : DateResolver.strings(s.get("patterns"))) {
                    stances.add(new StanceMarker(type, Folding.wordPattern(p)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Lexicon loadDefault() {
        return new Lexicon(Resources.open("parley/lexicon.json"));
    }
}
