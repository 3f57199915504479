package org.alexandria.api.crash;

import java.util.List;

/**
 * One exception (or signal) of a crash with its frames.
 *
 * @param type          exception type as printed, e.g. {@code java.lang.IllegalStateException} or {@code SIGSEGV}
 * @param message       the message, empty when none
 * @param relation      {@code THROWN}, {@code CAUSE}, {@code CONTEXT} or {@code SUPPRESSED}
 * @param parent        index of the exception this one is the cause, context or suppressed exception of; -1 for
 *                      the thrown exception
 * @param frames        frames kept, top of the stack first
 * @param omittedFrames frames not listed (cut by the parse limits or printed as {@code ... N more})
 */
public record CrashExceptionInfo(String type, String message, String relation, int parent, List<CrashFrame> frames, int omittedFrames) {

    /** Copies the frames. */
    public CrashExceptionInfo {
        frames = List.copyOf(frames);
    }
}
