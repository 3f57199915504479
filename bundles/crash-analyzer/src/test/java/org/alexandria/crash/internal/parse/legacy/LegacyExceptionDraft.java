package org.alexandria.crash.internal.parse.legacy;

import org.alexandria.crash.internal.fingerprint.*;
import org.alexandria.crash.internal.normalize.NormalizedFrame;
import org.alexandria.crash.internal.parse.ParseLimits;
import org.alexandria.crash.internal.trace.*;
import java.util.Collections;
import java.util.List;
import org.alexandria.crash.internal.trace.ExceptionInfo;
import org.alexandria.crash.internal.trace.StackFrame;

/** An exception while it is being read: its message may still grow and frames still arrive. */
final class LegacyExceptionDraft {

    final String type;
    final LegacyCappedFrames frames;
    ExceptionInfo.Relation relation;
    int parent;
    /** Leading whitespace of the header line; Java nests suppressed exceptions by indentation. */
    final int indent;
    private final StringBuilder message = new StringBuilder();
    private int messageLines;
    private boolean messageCut;

    LegacyExceptionDraft(String type, String message, ExceptionInfo.Relation relation, int parent, int indent) {
        this(type, message, relation, parent, indent, new LegacyCappedFrames());
    }

    /** @param frames frames read before the header, for platforms that print the header last */
    LegacyExceptionDraft(String type, String message, ExceptionInfo.Relation relation, int parent, int indent,
            LegacyCappedFrames frames) {
        this.frames = frames;
        this.type = type;
        this.relation = relation;
        this.parent = parent;
        this.indent = indent;
        appendMessage(message.strip());
    }

    /** Adds a continuation line of a multi-line message. @return false when the message is full */
    boolean appendMessageLine(String line) {
        if (messageLines >= ParseLimits.MAX_MESSAGE_LINES) {
            messageCut = true;
            return false;
        }
        messageLines++;
        if (message.length() > 0) {
            appendMessage("\n");
        }
        appendMessage(line);
        return true;
    }

    void addFrame(StackFrame frame) {
        frames.add(frame);
    }

    boolean truncated() {
        return messageCut || frames.capped();
    }

    private void appendMessage(String text) {
        int room = ParseLimits.MAX_MESSAGE_CHARS - message.length();
        if (text.length() > room) {
            messageCut = true;
        }
        message.append(text, 0, Math.max(0, Math.min(room, text.length())));
    }

    /** @param reverse true when the platform prints the top of the stack last (Python) */
    ExceptionInfo toInfo(boolean reverse) {
        List<StackFrame> list = frames.frames();
        if (reverse) {
            Collections.reverse(list);
        }
        return new ExceptionInfo(type, message.toString().strip(), relation, parent, list, frames.omitted());
    }
}
