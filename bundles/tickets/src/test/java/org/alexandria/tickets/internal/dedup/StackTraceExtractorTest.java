package org.alexandria.tickets.internal.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class StackTraceExtractorTest {

    private final StackTraceExtractor extractor = new StackTraceExtractor(3);

    @Test
    void findsExceptionTypesAndFramesWithoutLineNumbers() {
        TraceSignals signals = extractor.extract("""
                Upload fails:
                java.io.FileNotFoundException: /tmp/x (No such file)
                \tat org.apache.hadoop.fs.FileSystem.open(FileSystem.java:976)
                \tat org.apache.hadoop.fs.FsShell.run(FsShell.java:12)
                """);

        assertThat(signals.exceptionTypes()).containsExactly("FileNotFoundException");
        assertThat(signals.frames()).containsExactly("org.apache.hadoop.fs.FileSystem.open",
                "org.apache.hadoop.fs.FsShell.run");
    }

    @Test
    void sameFailureFromAnotherBuildGivesTheSameSignals() {
        String v1 = "java.lang.IllegalStateException: closed\n"
                + "\tat com.acme.Pool$1.lambda$run$12(Pool.java:40)\n"
                + "\tat com.acme.Pool$$Lambda$55/0x0000000800c0b040.accept(Unknown Source)\n"
                + "\tat jdk.proxy2/jdk.proxy2.$Proxy12.call(Unknown Source)\n"
                + "\tat sun.reflect.GeneratedMethodAccessor7.invoke(Unknown Source)\n";
        String v2 = "java.lang.IllegalStateException: closed\n"
                + "\tat com.acme.Pool$2.lambda$run$3(Pool.java:44)\n"
                + "\tat com.acme.Pool$$Lambda$91/0x0000000801d0e000.accept(Unknown Source)\n"
                + "\tat jdk.proxy2/jdk.proxy2.$Proxy40.call(Unknown Source)\n"
                + "\tat sun.reflect.GeneratedMethodAccessor93.invoke(Unknown Source)\n";

        TraceSignals first = new StackTraceExtractor(10).extract(v1);

        assertThat(first).isEqualTo(new StackTraceExtractor(10).extract(v2));
        assertThat(first.frames()).containsExactly("com.acme.Pool.run", "com.acme.Pool.accept",
                "jdk.proxy2.$Proxy.call", "sun.reflect.GeneratedMethodAccessor.invoke");
    }

    @Test
    void normalizesGeneratedAndNumberedNames() {
        assertThat(StackTraceExtractor.normalizeFrame("a.Outer$Inner$7.access$000")).isEqualTo("a.Outer$Inner.access");
        assertThat(StackTraceExtractor.normalizeFrame("a.Service$$EnhancerBySpringCGLIB$$1f2e.save"))
                .isEqualTo("a.Service.save");
        assertThat(StackTraceExtractor.normalizeFrame("a.B.lambda$static$0")).isEqualTo("a.B.static");
        assertThat(StackTraceExtractor.normalizeFrame("a.B.<init>")).isEqualTo("a.B.<init>");
    }

    @Test
    void keepsOnlyTheTopFramesOfEachTraceAndCause() {
        TraceSignals signals = extractor.extract("""
                java.lang.RuntimeException: wrapped
                \tat a.A.one(A.java:1)
                \tat a.A.two(A.java:2)
                \tat a.A.three(A.java:3)
                \tat a.A.four(A.java:4)
                Caused by: java.net.SocketTimeoutException: read timed out
                \tat b.B.one(B.java:1)
                \tat b.B.two(B.java:2)
                \tat b.B.three(B.java:3)
                \tat b.B.four(B.java:4)
                \t... 12 more
                """);

        assertThat(signals.frames()).containsExactly("a.A.one", "a.A.two", "a.A.three", "b.B.one", "b.B.two",
                "b.B.three");
        assertThat(signals.exceptionTypes()).containsExactly("RuntimeException", "SocketTimeoutException");
    }

    @Test
    void findsFramesInJoinedLinesAndNativeFrames() {
        TraceSignals signals = extractor.extract(
                "NPE at startup: java.lang.NullPointerException at a.B.c(B.java:1) at java.base/java.lang.Thread.run0"
                        + "(Native Method)");

        assertThat(signals.frames()).containsExactly("a.B.c", "java.lang.Thread.run0");
        assertThat(signals.exceptionTypes()).containsExactly("NullPointerException");
    }

    @Test
    void ignoresProseThatLooksAlmostLikeATrace() {
        TraceSignals signals = extractor.extract(
                "Look at the docs (see the wiki). It fails at startup.Config (sometimes). An IOException happens.");

        assertThat(signals.isEmpty()).isTrue();
    }

    @Test
    @Timeout(10)
    void pathologicalInputNeitherOverflowsNorHangs() {
        String dotted = "at " + "a.".repeat(100_000) + " java." + "x.".repeat(100_000) + "BadException";
        String dollars = "at a." + "b$".repeat(100_000) + "(";

        assertThat(extractor.extract(dotted).frames()).isEmpty();
        assertThat(extractor.extract(dollars).frames()).isEmpty();
    }

    @Test
    void rejectsZeroFrames() {
        assertThatThrownBy(() -> new StackTraceExtractor(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
