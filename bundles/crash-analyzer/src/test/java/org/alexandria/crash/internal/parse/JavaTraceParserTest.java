package org.alexandria.crash.internal.parse;

import static org.alexandria.crash.internal.parse.Samples.describe;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.alexandria.crash.internal.trace.ExceptionInfo;
import org.alexandria.crash.internal.trace.ExceptionInfo.Relation;
import org.alexandria.crash.internal.trace.ParsedTrace;
import org.alexandria.crash.internal.trace.Platform;
import org.junit.jupiter.api.Test;

class JavaTraceParserTest {

    @Test
    void readsALoggedSpringTraceWithItsCauseChain() {
        ParsedTrace trace = Samples.parsed("java-spring-caused-by.txt");

        assertThat(trace.platform()).isEqualTo(Platform.JAVA);
        assertThat(trace.exceptions()).extracting(ExceptionInfo::type).containsExactly(
                "org.springframework.dao.DataIntegrityViolationException",
                "org.hibernate.exception.ConstraintViolationException", "org.postgresql.util.PSQLException");
        assertThat(trace.exceptions()).extracting(ExceptionInfo::relation)
                .containsExactly(Relation.THROWN, Relation.CAUSE, Relation.CAUSE);
        assertThat(trace.exceptions()).extracting(ExceptionInfo::parent).containsExactly(-1, 0, 1);
        assertThat(trace.thrown().message())
                .isEqualTo("could not execute statement; constraint [uk_customer_email]");
        assertThat(trace.rootCause().message()).isEqualTo(
                "ERROR: duplicate key value violates unique constraint \"uk_customer_email\"\n"
                        + "  Detail: Key (email)=(jane@example.com) already exists.");
        assertThat(trace.exceptions()).extracting(ExceptionInfo::omittedFrames).containsExactly(0, 5, 12);
        assertThat(trace.truncated()).isFalse();
    }

    @Test
    void readsFramesWithModulePrefixesPackagingDataAndGeneratedSources() {
        List<String> frames = describe(Samples.parsed("java-spring-caused-by.txt").thrown().frames());

        assertThat(frames).containsExactly(
                "org.springframework.orm.jpa.vendor.HibernateJpaDialect|convertHibernateAccessException|HibernateJpaDialect.java|276|app",
                "com.acme.shop.customer.CustomerService$$EnhancerBySpringCGLIB$$5f2a7c1d|register|null|-1|app",
                "com.acme.shop.customer.CustomerController|lambda$register$0|CustomerController.java|58|app",
                "java.util.Optional|map|Optional.java|260|lib",
                "com.acme.shop.customer.CustomerController|register|CustomerController.java|57|app",
                "jdk.internal.reflect.NativeMethodAccessorImpl|invoke0|null|-1|lib",
                "org.apache.tomcat.util.threads.TaskThread$WrappingRunnable|run|TaskThread.java|61|app",
                "java.lang.Thread|run|Thread.java|833|lib");
    }

    @Test
    void nestsSuppressedExceptionsAndTheirCausesByIndentation() {
        ParsedTrace trace = Samples.parsed("java-suppressed.txt");

        assertThat(trace.exceptions()).extracting(e -> e.type() + " " + e.relation() + " " + e.parent()).containsExactly(
                "java.lang.Exception THROWN -1",
                "Resource$CloseFailException SUPPRESSED 0",
                "java.io.UncheckedIOException SUPPRESSED 0",
                "java.io.IOException CAUSE 2",
                "java.lang.Exception CAUSE 0");
        assertThat(trace.causalChain()).extracting(ExceptionInfo::message).containsExactly("Main block", "I did it");
        assertThat(trace.exceptions().get(3).frames()).extracting(f -> f.symbol()).containsExactly("Disk.write");
        assertThat(trace.exceptions().get(3).omittedFrames()).isEqualTo(3);
    }

    @Test
    void takesTheHeaderNearestToTheFramesAndAMultiLineMessage() {
        String text = """
                INFO starting batch
                com.acme.batch.Importer: 3 files queued
                junit.framework.ComparisonFailure: expected:<a
                b> but was:<a
                c>
                \tat junit.framework.Assert.assertEquals(Assert.java:100)
                \tat com.acme.ImporterTest.testLines(ImporterTest.java:42)
                """;

        ParsedTrace trace = (ParsedTrace) new CrashParser().parse(text);

        assertThat(trace.thrown().type()).isEqualTo("junit.framework.ComparisonFailure");
        assertThat(trace.thrown().message()).isEqualTo("expected:<a\nb> but was:<a\nc>");
        assertThat(trace.thrown().frames()).hasSize(2);
    }

    @Test
    void readsOnlyTheFirstTraceOfALog() {
        String text = """
                java.lang.IllegalStateException: first
                \tat com.acme.A.run(A.java:1)
                12:00:01 WARN retrying
                java.lang.IllegalArgumentException: second
                \tat com.acme.B.run(B.java:2)
                """;

        ParsedTrace trace = (ParsedTrace) new CrashParser().parse(text);

        assertThat(trace.exceptions()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo("java.lang.IllegalStateException");
            assertThat(e.frames()).extracting(f -> f.symbol()).containsExactly("com.acme.A.run");
        });
    }

    @Test
    void keepsJdkHiddenLambdaClassesWhole() {
        String text = "java.lang.NullPointerException\n"
                + "\tat com.acme.Cart$$Lambda$14/0x0000000800c0b000.apply(Unknown Source)\n"
                + "\tat app//com.acme.Cart.total(Cart.java:9)\n";

        ParsedTrace trace = (ParsedTrace) new CrashParser().parse(text);

        assertThat(trace.thrown().frames()).extracting(f -> f.module()).containsExactly(
                "com.acme.Cart$$Lambda$14/0x0000000800c0b000", "com.acme.Cart");
    }

    @Test
    void framesWithoutAHeaderGetTheUnknownType() {
        ParsedTrace trace = (ParsedTrace) new CrashParser().parse("\tat com.acme.A.run(A.java:1)\n");

        assertThat(trace.thrown().type()).isEqualTo(ExceptionInfo.UNKNOWN_TYPE);
    }
}
