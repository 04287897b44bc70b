package dev.parley.extract;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Why a sentence did or did not become an event: one DEBUG line per clause, with the event it went to
 * ({@code PARLEY_LOG_LEVEL=DEBUG}). Off by default; it costs nothing then.
 */
final class MentionTrace {

    private static final Logger LOG = LoggerFactory.getLogger("dev.parley.extract.trace");

    private MentionTrace() {
    }

    static void log(ArticleInput input, List<Mention> mentions, List<Draft> drafts) {
        if (!LOG.isDebugEnabled()) {
            return;
        }
        String text = input.text();
        for (Mention m : mentions) {
            int event = m.event == null ? -1 : drafts.indexOf(m.event);
            LOG.debug("{} s{}@{} {} \"{}\" hedged={} syntaxOnly={} date={} participants=[{}] event={} | {}",
                    input.articleId(), m.sentence.index(), m.sentence.span().start(), m.kind,
                    text.substring(m.trigger.start(), m.trigger.end()), m.hedged, m.syntaxOnly,
                    m.date == null ? "-" : m.date.date(),
                    m.participants.stream().map(p -> p.actorId() + ":" + p.role()).collect(Collectors.joining(", ")),
                    event < 0 ? "none" : "#" + (event + 1), abbreviate(m.sentence.text()));
        }
    }

    private static String abbreviate(String sentence) {
        String flat = sentence.replaceAll("\\s+", " ");
        return flat.length() <= 140 ? flat : flat.substring(0, 140) + "…";
    }
}
