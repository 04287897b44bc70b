package dev.parley.extract.actors;

import dev.parley.extract.ActorMention;

import java.util.List;

/** The actor mentions of one sentence (spans in sentence offsets, in text order) and the article context after it. */
public record SentenceActors(List<ActorMention> mentions, ActorContext context) {

    public SentenceActors {
        mentions = List.copyOf(mentions);
    }
}
