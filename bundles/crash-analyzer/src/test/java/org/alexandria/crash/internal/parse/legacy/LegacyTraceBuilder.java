package org.alexandria.crash.internal.parse.legacy;

import org.alexandria.crash.internal.fingerprint.*;
import org.alexandria.crash.internal.normalize.NormalizedFrame;
import org.alexandria.crash.internal.parse.ParseLimits;
import org.alexandria.crash.internal.trace.*;
import java.util.ArrayList;
import java.util.List;
import org.alexandria.crash.internal.trace.ExceptionInfo;
import org.alexandria.crash.internal.trace.ParseResult;
import org.alexandria.crash.internal.trace.ParsedTrace;
import org.alexandria.crash.internal.trace.Platform;
import org.alexandria.crash.internal.trace.Unparsed;
import org.jspecify.annotations.Nullable;

/** Collects the exceptions of one trace within {@link ParseLimits#MAX_EXCEPTIONS}. */
final class LegacyTraceBuilder {

    private final Platform platform;
    private final List<LegacyExceptionDraft> drafts = new ArrayList<>();
    private boolean truncated;

    LegacyTraceBuilder(Platform platform) {
        this.platform = platform;
    }

    /** @return the new exception, or null (and the trace marked truncated) when the chain is full */
    @Nullable
    LegacyExceptionDraft start(String type, String message, ExceptionInfo.Relation relation, int parent, int indent) {
        LegacyExceptionDraft draft = new LegacyExceptionDraft(type, message, relation, parent, indent);
        return add(draft) ? draft : null;
    }

    /** @return false (and the trace marked truncated) when the chain is full */
    boolean add(LegacyExceptionDraft draft) {
        if (drafts.size() == ParseLimits.MAX_EXCEPTIONS) {
            truncated = true;
            return false;
        }
        drafts.add(draft);
        return true;
    }

    List<LegacyExceptionDraft> drafts() {
        return drafts;
    }

    void markTruncated() {
        truncated = true;
    }

    /**
     * @param reverseFrames true when the platform prints the top of the stack last
     * @param noTrace       reason given when no exception has frames
     */
    ParseResult build(boolean reverseFrames, String noTrace) {
        if (drafts.stream().allMatch(d -> d.frames.isEmpty())) {
            return new Unparsed(noTrace);
        }
        List<ExceptionInfo> infos = new ArrayList<>(drafts.size());
        boolean cut = truncated;
        for (LegacyExceptionDraft d : drafts) {
            infos.add(d.toInfo(reverseFrames));
            cut |= d.truncated();
        }
        return new ParsedTrace(platform, infos, cut);
    }
}
