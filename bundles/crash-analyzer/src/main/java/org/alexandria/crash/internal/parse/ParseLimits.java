package org.alexandria.crash.internal.parse;

/**
 * Bounds that keep parsing linear in the input and its result small, whatever the input: a 10 MB log
 * or a 100,000-frame recursion parses in bounded time and memory. Anything dropped marks the result
 * {@linkplain org.alexandria.crash.internal.trace.ParsedTrace#truncated() truncated}.
 */
public final class ParseLimits {

    /** Lines are cut to this many characters before matching; frame and header lines are far shorter. */
    public static final int MAX_LINE_CHARS = 2_000;

    /** Lines read at most; the rest of the input is ignored. */
    public static final int MAX_LINES = 500_000;

    /**
     * Frames kept per exception from the top of the stack (where it failed, what grouping and similarity
     * look at) ...
     */
    public static final int HEAD_FRAMES = 128;

    /** ... and from the bottom (the thread's entry point); the frames in between are counted as omitted. */
    public static final int TAIL_FRAMES = 32;

    /** Exceptions kept per trace (thrown, causes, suppressed); deeper chains are cut. */
    public static final int MAX_EXCEPTIONS = 32;

    /** Characters kept of an exception message. */
    public static final int MAX_MESSAGE_CHARS = 4_000;

    /** Lines a message may span between an exception header and its first frame. */
    public static final int MAX_MESSAGE_LINES = 64;

    private ParseLimits() {
    }
}
