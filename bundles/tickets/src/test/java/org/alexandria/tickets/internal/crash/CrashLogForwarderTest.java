package org.alexandria.tickets.internal.crash;

import static org.alexandria.tickets.internal.service.Fixture.AGENT;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.alexandria.api.audit.AuditRecord;
import org.alexandria.api.crash.CrashAnalyzer;
import org.alexandria.api.crash.CrashReportReceipt;
import org.alexandria.api.crash.CrashReportSubmission;
import org.alexandria.api.ticket.Environment;
import org.alexandria.api.ticket.NewTicket;
import org.alexandria.api.ticket.Ticket;
import org.alexandria.tickets.internal.service.Fixture;
import org.alexandria.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

class CrashLogForwarderTest {

    static final String JAVA_TRACE = """
            2024-05-01 10:00:00 ERROR main
            java.lang.NullPointerException: settings
            \tat com.example.SettingsActivity.onCreate(SettingsActivity.java:42)
            \tat android.app.Activity.performCreate(Activity.java:8000)
            """;

    Fixture f;
    final List<CrashReportSubmission> submitted = new ArrayList<>();
    CrashAnalyzer analyzer;
    Ticket ticket;

    @BeforeEach
    void start() {
        f = new Fixture(TestDatabase.Kind.H2);
        analyzer = Mockito.mock(CrashAnalyzer.class);
        Mockito.when(analyzer.ingest(Mockito.any())).thenAnswer(call -> {
            CrashReportSubmission s = call.getArgument(0);
            submitted.add(s);
            return new CrashReportReceipt("r-" + submitted.size(), true, "g-1", submitted.size() == 1, "NPE at onCreate", null);
        });
        ticket = f.tickets.create(new NewTicket("Crash", "crashes", null, null, null, null, "alice@example.org", null,
                null, null, Set.of(), null, "mobile-app", "4.2.1", new Environment("Android 14", "Pixel 8")), AGENT);
    }

    @AfterEach
    void stop() throws Exception {
        f.close();
    }

    void attach(String name, String content) {
        f.tickets.addAttachment(ticket.key(), name, "application/octet-stream",
                new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), AGENT);
    }

    @Test
    void logFilesAndTracesGoToTheCrashAnalyzerWithTheTicketsContext() {
        f.tickets.addListener(new CrashLogForwarder(f.audit, Runnable::run, analyzer));
        attach("app.log", "just a log line");
        attach("trace.dat", JAVA_TRACE);
        attach("notes.md", "no trace here");
        f.tickets.addAttachment(ticket.key(), "core.txt", null, new ByteArrayInputStream(new byte[] {1, 0, 2}), AGENT);

        assertThat(submitted).hasSize(2);
        CrashReportSubmission first = submitted.get(0);
        assertThat(first.content()).isEqualTo("just a log line");
        assertThat(first.app()).isEqualTo("mobile-app");
        assertThat(first.appVersion()).isEqualTo("4.2.1");
        assertThat(first.os()).isEqualTo("Android 14");
        assertThat(first.device()).isEqualTo("Pixel 8");
        assertThat(first.customerId()).isEqualTo(ticket.requesterId());
        assertThat(first.ticketId()).isEqualTo(ticket.id());
        assertThat(first.source()).isEqualTo("ticket-attachment");
        assertThat(submitted.get(1).content()).isEqualTo(JAVA_TRACE);
        List<String> logged = f.audit.of(ticket.key()).stream().filter(r -> r.action().equals("ticket.crash-log"))
                .map(AuditRecord::after).toList();
        assertThat(logged).hasSize(2);
        assertThat(logged.get(0)).contains("app.log", "crash report r-1 joined new group g-1 (NPE at onCreate)");
        assertThat(f.audit.of(ticket.key()).get(2).actor()).isEqualTo(CrashLogForwarder.ACTOR);
    }

    @Test
    void withoutAnAnalyzerOrWhenItFailsTheTicketStillWorks() {
        f.tickets.addListener(new CrashLogForwarder(f.audit, Runnable::run, null));
        attach("app.log", JAVA_TRACE);
        assertThat(f.tickets.attachments(ticket.key())).hasSize(1);
        assertThat(f.audit.actions(ticket.key())).doesNotContain("ticket.crash-log");

        CrashAnalyzer broken = Mockito.mock(CrashAnalyzer.class);
        Mockito.when(broken.ingest(Mockito.any())).thenThrow(new IllegalArgumentException("content too large"));
        f.tickets.addListener(new CrashLogForwarder(f.audit, Runnable::run, broken));
        attach("big.log", JAVA_TRACE);
        assertThat(f.tickets.attachments(ticket.key())).hasSize(2);
        assertThat(f.audit.of(ticket.key())).filteredOn(r -> r.action().equals("ticket.crash-log"))
                .extracting(AuditRecord::after).singleElement().asString()
                .contains("not stored by the crash analyzer: content too large");
    }

    @Test
    void tracesOfSeveralPlatformsAreRecognised() {
        assertThat(CrashLogs.containsTrace(JAVA_TRACE)).isTrue();
        assertThat(CrashLogs.containsTrace("Traceback (most recent call last):\n  File \"a.py\", line 1, in <module>\n")).isTrue();
        assertThat(CrashLogs.containsTrace("TypeError: x is undefined\n    at render (app.js:10:5)\n")).isTrue();
        assertThat(CrashLogs.containsTrace("System.NullReferenceException\n   at Foo.Bar() in C:\\src\\Foo.cs:line 12\n")).isTrue();
        assertThat(CrashLogs.containsTrace("#0  0x00007f in abort () from /lib/libc.so.6\n")).isTrue();
        assertThat(CrashLogs.containsTrace("Please look at this (it is broken)")).isFalse();
        assertThat(CrashLogs.text("a.log", new byte[] {(byte) 0xff, (byte) 0xfe})).isEqualTo(Optional.empty());
    }
}
