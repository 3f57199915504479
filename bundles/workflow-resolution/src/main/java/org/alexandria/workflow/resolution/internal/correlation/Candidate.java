package org.alexandria.workflow.resolution.internal.correlation;

import java.util.List;

/**
 * A crash group that may be what a ticket is about.
 *
 * @param groupId   the crash group
 * @param signature its signature, e.g. {@code NullPointerException at Foo.bar}
 * @param score     how likely the link is right, in [0, 1] (see {@link CorrelationEngine})
 * @param signals   the evidence, strongest contribution first
 */
public record Candidate(String groupId, String signature, double score, List<Signal> signals) {

    /** Copies the signals. */
    public Candidate {
        signals = List.copyOf(signals);
    }
}
