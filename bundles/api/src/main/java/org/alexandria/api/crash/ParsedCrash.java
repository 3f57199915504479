package org.alexandria.api.crash;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the crash analyzer reads in a text, without storing anything.
 *
 * @param parsed         whether a stack trace was recognised
 * @param platform       {@code JAVA}, {@code PYTHON}, {@code JAVASCRIPT}, {@code DOTNET} or {@code NATIVE}; null when unparsed
 * @param unparsedReason why no trace was recognised; null when parsed
 * @param exceptions     the thrown exception first, then causes, contexts and suppressed exceptions; empty when unparsed
 * @param fingerprint    the grouping fingerprint under the current grouping rules; null when unparsed
 * @param signature      human readable signature, e.g. {@code NullPointerException at Foo.bar}; null when unparsed
 */
public record ParsedCrash(boolean parsed, @Nullable String platform, @Nullable String unparsedReason,
        List<CrashExceptionInfo> exceptions, @Nullable String fingerprint, @Nullable String signature) {

    /** Copies the exceptions. */
    public ParsedCrash {
        exceptions = List.copyOf(exceptions);
    }
}
