package dev.parley.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reports that a joint body's meeting took place ("celebraron ayer viernes 23 de enero la reunión del Grupo de
 * Implementación de Seguridad", "the group met on ..."): a past meeting cue, no negation, and a body, named or
 * generic. The merge matches them to commitments by the body's name, parties and date (cues: meetings.json).
 */
final class HeldMeetingReader {

    private final List<Pattern> heldCues = new ArrayList<>();
    private final Pattern negations;
    private final List<Pattern> bodyNames = new ArrayList<>();
    private final Pattern genericBodies;
    private final DateResolver dates;

    HeldMeetingReader(DateResolver dates) {
        this.dates = dates;
        try (InputStream in = Resources.open("parley/meetings.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            root.get("heldCues").forEach(c -> heldCues.add(Folding.wordPattern(c.asText())));
            negations = Folding.anyOf(DateResolver.strings(root.get("negations")));
            root.get("bodyNames").forEach(c -> bodyNames.add(Pattern.compile(c.asText())));
            genericBodies = Folding.wordPattern(root.get("genericBodies").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<ArticleCommitment> read(List<Sentence> sentences, Map<Integer, List<ActorMention>> actorsBySentence,
                                 LocalDate published, String articleId, String text) {
        List<ArticleCommitment> out = new ArrayList<>();
        for (Sentence s : sentences) {
            String folded = Folding.fold(s.text());
            int cue = heldCues.stream().map(p -> p.matcher(folded)).filter(Matcher::find).mapToInt(Matcher::start)
                    .min().orElse(-1);
            if (cue < 0 || negations.matcher(folded).find()) {
                continue;
            }
            List<DateResolver.DateMention> found = dates.findAll(s.text(), published);
            // The date nearest the cue dates the meeting, not a dateline's.
            ResolvedDate date = found.stream().filter(d -> !d.date().last().isAfter(published))
                    .min(java.util.Comparator.comparingInt(d -> Math.abs(d.span().start() - cue)))
                    .map(DateResolver.DateMention::date).orElse(null);
            if (date == null && !found.isEmpty()) {
                continue; // only dates after the paper: a meeting still to come
            }
            List<ActorMention> actors = actorsBySentence.getOrDefault(s.index(), List.of());
            Actor body = actors.stream().map(ActorMention::actor)
                    .filter(a -> a.type() == ActorType.ORGANISATION && a.countries().size() >= 2)
                    .findFirst().orElse(null);
            String name = body != null ? body.name() : bodyName(s.text(), folded);
            if (name == null) {
                continue;
            }
            Set<String> countries = new TreeSet<>();
            List<String> parties = new ArrayList<>();
            if (body != null) {
                parties.add(body.id());
                countries.addAll(body.countries());
            }
            for (ActorMention a : actors) {
                if (a.actor().type() == ActorType.COUNTRY || a.actor().type() == ActorType.PERSON) {
                    countries.addAll(a.actor().countries());
                }
                if (a.actor().type() == ActorType.PERSON && !parties.contains(a.actor().id())) {
                    parties.add(a.actor().id());
                }
            }
            int base = s.span().start();
            out.add(new ArticleCommitment(articleId + "#h" + (out.size() + 1), articleId, null, name,
                    body == null ? null : body.id(), date, null,
                    parties, new Passage(articleId, base, s.span().end(), text.substring(base, s.span().end())),
                    ArticleCommitment.Report.HELD, List.copyOf(countries)));
        }
        return out;
    }

    /** The body's name as written ("Grupo de Implementación de Seguridad"), else its generic head ("group"). */
    private String bodyName(String sentence, String folded) {
        for (Pattern p : bodyNames) {
            Matcher m = p.matcher(sentence);
            if (m.find()) {
                return m.group().strip();
            }
        }
        Matcher generic = genericBodies.matcher(folded);
        return generic.find() ? generic.group(1) : null;
    }
}
