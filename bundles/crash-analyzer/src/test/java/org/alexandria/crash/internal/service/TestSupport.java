package org.alexandria.crash.internal.service;

import java.lang.annotation.Annotation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.alexandria.api.crash.CrashReportSubmission;

/** Configurations, clocks and submissions for the service tests. */
public final class TestSupport {

    private TestSupport() {
    }

    /** A configuration with the defaults except the given values. */
    public static CrashConfig config(long maxContentBytes, int frames, String[] include, String[] byMessage) {
        return new CrashConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return CrashConfig.class;
            }

            @Override
            public long maxContentBytes() {
                return maxContentBytes;
            }

            @Override
            public int groupingFrames() {
                return frames;
            }

            @Override
            public String[] inAppInclude() {
                return include;
            }

            @Override
            public String[] inAppExclude() {
                return new String[0];
            }

            @Override
            public String[] groupByMessageTypes() {
                return byMessage;
            }

            @Override
            public int indexRefreshSeconds() {
                return 0;
            }
        };
    }

    /** The default configuration. */
    public static CrashConfig defaults() {
        return config(10L * 1024 * 1024, 5, new String[0], new String[0]);
    }

    /** A report of the given content with metadata. */
    public static CrashReportSubmission report(String content, String app, String version, String os, String customer) {
        return new CrashReportSubmission(content, app, version, os, "Pixel 8", customer, null, null, "api");
    }

    /** A report of the given content without metadata. */
    public static CrashReportSubmission report(String content) {
        return new CrashReportSubmission(content, null, null, null, null, null, null, null, "api");
    }

    /** A Java trace whose top in-app frame is {@code com.acme.<cls>.<method>}. */
    public static String javaTrace(String type, String message, String cls, String method, int line) {
        return type + ": " + message + "\n"
                + "\tat com.acme." + cls + "." + method + "(" + cls + ".java:" + line + ")\n"
                + "\tat com.acme.Service.handle(Service.java:42)\n"
                + "\tat com.acme.Controller.post(Controller.java:17)\n"
                + "\tat java.base/java.lang.Thread.run(Thread.java:833)\n";
    }

    /** A clock that stands still until a test moves it. */
    public static final class MutableClock extends Clock {
        private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-01T10:00:00Z"));

        /** Moves the clock and returns the new time. */
        public Instant advance(Duration by) {
            return now.updateAndGet(i -> i.plus(by));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
