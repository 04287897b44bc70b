package dev.parley.extract;

import java.time.LocalDate;

/** A social-media post quoted in an article, closed by a signature line naming its author and date. */
public record EmbeddedPost(Span span, Span signature, String authorHandle, LocalDate date) {
}
