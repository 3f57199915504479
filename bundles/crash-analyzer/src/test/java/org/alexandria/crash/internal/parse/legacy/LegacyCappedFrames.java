package org.alexandria.crash.internal.parse.legacy;

import org.alexandria.crash.internal.fingerprint.*;
import org.alexandria.crash.internal.normalize.NormalizedFrame;
import org.alexandria.crash.internal.parse.ParseLimits;
import org.alexandria.crash.internal.trace.*;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.alexandria.crash.internal.trace.StackFrame;

/** The frames of one exception in reading order: the first {@link ParseLimits#HEAD_FRAMES} and the last {@link ParseLimits#TAIL_FRAMES}. */
final class LegacyCappedFrames {

    private final List<StackFrame> head = new ArrayList<>();
    private final ArrayDeque<StackFrame> tail = new ArrayDeque<>();
    private int dropped;
    private int omitted;

    void add(StackFrame frame) {
        if (head.size() < ParseLimits.HEAD_FRAMES) {
            head.add(frame);
            return;
        }
        if (tail.size() == ParseLimits.TAIL_FRAMES) {
            tail.removeFirst();
            dropped++;
        }
        tail.addLast(frame);
    }

    /** Counts frames the trace itself leaves out ({@code ... N more}, "previous line repeated N times"). */
    void omit(int count) {
        omitted = (int) Math.min(Integer.MAX_VALUE, (long) omitted + Math.max(0, count));
    }

    boolean isEmpty() {
        return head.isEmpty();
    }

    /** @return true when the cap dropped frames */
    boolean capped() {
        return dropped > 0;
    }

    /** @return frames not kept: dropped by the cap plus those the trace left out */
    int omitted() {
        return (int) Math.min(Integer.MAX_VALUE, (long) omitted + dropped);
    }

    List<StackFrame> frames() {
        List<StackFrame> all = new ArrayList<>(head.size() + tail.size());
        all.addAll(head);
        all.addAll(tail);
        return all;
    }
}
