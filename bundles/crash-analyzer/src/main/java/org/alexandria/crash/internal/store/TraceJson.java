package org.alexandria.crash.internal.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.alexandria.api.crash.CrashExceptionInfo;
import org.alexandria.api.crash.CrashFrame;
import org.alexandria.crash.internal.trace.ExceptionInfo;
import org.alexandria.crash.internal.trace.ParsedTrace;
import org.alexandria.crash.internal.trace.Platform;
import org.alexandria.crash.internal.trace.StackFrame;

/**
 * The stored form of a parsed trace: JSON of the API's exception and frame records plus platform and
 * truncation, so what the database holds is the documented shape that clients also see.
 */
public final class TraceJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * @param platform   runtime that printed the trace
     * @param truncated  whether a parse limit cut it
     * @param exceptions thrown exception first
     */
    record Stored(String platform, boolean truncated, List<CrashExceptionInfo> exceptions) {
    }

    private TraceJson() {
    }

    /** @return the trace's exceptions as API records */
    public static List<CrashExceptionInfo> exceptions(ParsedTrace trace) {
        List<CrashExceptionInfo> out = new ArrayList<>(trace.exceptions().size());
        for (ExceptionInfo e : trace.exceptions()) {
            List<CrashFrame> frames = e.frames().stream()
                    .map(f -> new CrashFrame(f.module(), f.function(), f.file(), f.line(), f.inApp())).toList();
            out.add(new CrashExceptionInfo(e.type(), e.message(), e.relation().name(), e.parent(), frames, e.omittedFrames()));
        }
        return out;
    }

    /** @return the JSON stored for the trace */
    public static String write(ParsedTrace trace) {
        try {
            return MAPPER.writeValueAsString(new Stored(trace.platform().name(), trace.truncated(), exceptions(trace)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed trace is always serializable", e);
        }
    }

    /** @return the exceptions of stored JSON */
    public static List<CrashExceptionInfo> readExceptions(String json) {
        return stored(json).exceptions();
    }

    /** @return the trace of stored JSON, as the similarity index takes it */
    public static ParsedTrace readTrace(String json) {
        Stored stored = stored(json);
        List<ExceptionInfo> exceptions = new ArrayList<>(stored.exceptions().size());
        for (CrashExceptionInfo e : stored.exceptions()) {
            List<StackFrame> frames = e.frames().stream()
                    .map(f -> new StackFrame(f.module(), f.function(), f.file(), f.line(), f.inApp())).toList();
            exceptions.add(new ExceptionInfo(e.type(), e.message(), ExceptionInfo.Relation.valueOf(e.relation()),
                    e.parent(), frames, e.omittedFrames()));
        }
        return new ParsedTrace(Platform.valueOf(stored.platform()), exceptions, stored.truncated());
    }

    private static Stored stored(String json) {
        try {
            return MAPPER.readValue(json, Stored.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored trace is not readable: " + e.getOriginalMessage(), e);
        }
    }
}
