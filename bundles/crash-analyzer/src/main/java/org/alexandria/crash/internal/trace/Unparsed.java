package org.alexandria.crash.internal.trace;

/**
 * A text in which no parser recognised a stack trace.
 *
 * @param reason why, for people (e.g. "no stack frames recognised")
 */
public record Unparsed(String reason) implements ParseResult {
}
