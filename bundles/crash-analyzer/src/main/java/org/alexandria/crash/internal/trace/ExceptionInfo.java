package org.alexandria.crash.internal.trace;

import java.util.List;

/**
 * One exception (or signal) of a trace with its frames.
 *
 * @param type          exception type as printed, e.g. {@code java.lang.IllegalStateException} or
 *                      {@code SIGSEGV}; {@link #UNKNOWN_TYPE} when the trace shows frames only
 * @param message       the message, possibly several lines, capped by the parser; empty when none
 * @param relation      how this exception relates to its {@code parent}
 * @param parent        index in {@link ParsedTrace#exceptions()} of the exception this one is the cause,
 *                      context or suppressed exception of; -1 for the thrown exception
 * @param frames        frames kept, top of the stack first (see {@code ParseLimits} for what is dropped)
 * @param omittedFrames frames not listed: dropped by the cap, or printed as {@code ... N more}
 */
public record ExceptionInfo(String type, String message, Relation relation, int parent, List<StackFrame> frames,
        int omittedFrames) {

    /** Type of an exception whose header was not found. */
    public static final String UNKNOWN_TYPE = "<unknown>";

    /** How an exception relates to the one it hangs under. */
    public enum Relation {
        /** The exception that was thrown (the first one printed by the JVM, the last one by Python). */
        THROWN,
        /** The cause: Java {@code Caused by:}, Python's "direct cause", a .NET inner exception. */
        CAUSE,
        /** Python's implicit context: "During handling of the above exception, another exception occurred". */
        CONTEXT,
        /** A Java suppressed exception ({@code Suppressed:}). */
        SUPPRESSED
    }

    public ExceptionInfo {
        frames = List.copyOf(frames);
    }
}
