package org.alexandria.crash.internal.parse;

import java.util.Arrays;
import org.alexandria.crash.internal.trace.StackFrame;
import org.jspecify.annotations.Nullable;

/**
 * The Java frames of a text by line number ({@link Lines} order), found once while detecting the format and
 * read back in order by {@link JavaTraceParser}: each line is parsed as a frame only once. Lines not recorded
 * are not frames.
 */
final class JavaFrames {

    private int[] lines = new int[64];
    private StackFrame[] frames = new StackFrame[64];
    private int size;
    private int cursor;

    /** Records the frame of a line; lines are added in increasing order. */
    void add(int line, StackFrame frame) {
        if (size == lines.length) {
            lines = Arrays.copyOf(lines, size * 2);
            frames = Arrays.copyOf(frames, size * 2);
        }
        lines[size] = line;
        frames[size++] = frame;
    }

    /** @return the frame of the line, or null when it is not a frame; lines are asked in increasing order */
    @Nullable
    StackFrame at(int line) {
        while (cursor < size && lines[cursor] < line) {
            cursor++;
        }
        return cursor < size && lines[cursor] == line ? frames[cursor] : null;
    }
}
