package org.alexandria.tickets.internal.dedup;

import java.util.List;

/**
 * What the Java stack traces in a ticket say, normalized so that the same failure reported twice yields the same
 * values: no line numbers, no lambda, proxy or anonymous-class suffixes.
 *
 * @param exceptionTypes simple names of the exception types mentioned with their package, e.g.
 *                       {@code FileNotFoundException}
 * @param frames         {@code package.Class.method} of the top frames of each trace, e.g.
 *                       {@code org.apache.hadoop.fs.FileSystem.open}
 */
public record TraceSignals(List<String> exceptionTypes, List<String> frames) {

    /** Copies the lists. */
    public TraceSignals {
        exceptionTypes = List.copyOf(exceptionTypes);
        frames = List.copyOf(frames);
    }

    /** @return whether no exception type and no frame was found */
    public boolean isEmpty() {
        return exceptionTypes.isEmpty() && frames.isEmpty();
    }
}
