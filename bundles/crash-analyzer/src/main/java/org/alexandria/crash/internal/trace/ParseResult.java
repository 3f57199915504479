package org.alexandria.crash.internal.trace;

/** What a parser made of a text: a {@link ParsedTrace} or, when it found no trace, an {@link Unparsed}. */
public sealed interface ParseResult permits ParsedTrace, Unparsed {
}
