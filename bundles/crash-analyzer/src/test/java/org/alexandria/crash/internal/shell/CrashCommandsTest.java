package org.alexandria.crash.internal.shell;

import static org.alexandria.crash.internal.service.TestSupport.javaTrace;
import static org.alexandria.crash.internal.service.TestSupport.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.alexandria.api.crash.CrashReportReceipt;
import org.alexandria.api.event.EventBus;
import org.alexandria.core.internal.audit.JpaAuditTrail;
import org.alexandria.core.internal.persistence.JdbcSchemaMigrator;
import org.alexandria.crash.internal.service.CrashAnalyzerService;
import org.alexandria.crash.internal.service.ServiceFactory;
import org.alexandria.crash.internal.service.TestSupport;
import org.alexandria.testing.TestDatabase;
import org.apache.karaf.shell.api.console.CommandLine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The console commands on the real service and H2, their output captured. */
class CrashCommandsTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;
    private TestDatabase db;
    private CrashAnalyzerService crashes;

    @BeforeEach
    void start() {
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        db = TestDatabase.Kind.H2.create();
        var audit = new JpaAuditTrail(db.entityManagerFactory(), new JdbcSchemaMigrator(db.dataSource()), mock(EventBus.class));
        crashes = ServiceFactory.create(db, audit, TestSupport.defaults());
    }

    @AfterEach
    void stop() {
        System.setOut(savedOut);
        System.setErr(savedErr);
        db.close();
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void crashGroupsListsFilteredGroups() {
        CrashReportReceipt pool = crashes.ingest(report(javaTrace("java.lang.IllegalStateException", "x", "Pool", "borrow", 1),
                "web", "1.0", "Linux", "c-1"));
        crashes.ingest(report(javaTrace("java.lang.IllegalStateException", "x", "Pool", "borrow", 1), "web", "1.1", "Linux", "c-1"));
        crashes.ingest(report(javaTrace("java.io.IOException", "x", "Disk", "write", 1), "mobile", "2.0", "iOS", "c-2"));

        CrashGroupsCommand all = new CrashGroupsCommand();
        all.crashes = crashes;
        all.byCount = true;
        all.execute();
        CrashGroupsCommand web = new CrashGroupsCommand();
        web.crashes = crashes;
        web.app = "web";
        web.execute();

        String[] lines = out().split("\\R");
        assertThat(out()).contains(pool.groupId(), "IllegalStateException at com.acme.Pool.borrow", "IOException at com.acme.Disk.write");
        assertThat(out().indexOf("Pool.borrow")).isLessThan(out().indexOf("Disk.write"));
        assertThat(lines[lines.length - 1]).contains("Pool.borrow");
        assertThat(out().split("Disk.write", -1)).hasSize(2); // only in the unfiltered list
    }

    @Test
    void crashGroupsRefusesBadOptions() {
        CrashGroupsCommand command = new CrashGroupsCommand();
        command.crashes = crashes;
        command.limit = 0;
        command.execute();
        command.limit = 5;
        command.status = "closed";
        command.execute();

        assertThat(err()).contains("--limit", "--status");
        assertThat(out()).isEmpty();
    }

    @Test
    void crashShowPrintsStatisticsFramesAndReports() {
        String trace = javaTrace("java.lang.IllegalStateException", "pool closed", "Pool", "borrow", 1);
        CrashReportReceipt first = crashes.ingest(report(trace, "web", "1.0", "Linux", "c-1"));
        CrashReportReceipt second = crashes.ingest(report(trace, "web", "1.1", "Windows 11", "c-2"));

        CrashShowCommand show = new CrashShowCommand();
        show.crashes = crashes;
        show.groupId = first.groupId();
        show.execute();

        assertThat(out()).contains("IllegalStateException at com.acme.Pool.borrow", "Reports:     2, customers: 2",
                "java.lang.IllegalStateException: pool closed", "Versions: ", "1.0 (1)", "1.1 (1)", "Windows 11 (1)",
                "* com.acme.Pool.borrow (Pool.java:1)", "  java.lang.Thread.run", first.reportId(), second.reportId());
    }

    @Test
    void crashShowNamesAnUnknownGroup() {
        CrashShowCommand show = new CrashShowCommand();
        show.crashes = crashes;
        show.groupId = "nope";
        show.execute();

        assertThat(err()).contains("No crash group nope");
    }

    @Test
    void completerOffersRecentGroupIds() {
        CrashReportReceipt r = crashes.ingest(report(javaTrace("java.lang.IllegalStateException", "x", "Pool", "borrow", 1)));
        CrashGroupIdCompleter completer = new CrashGroupIdCompleter();
        completer.crashes = crashes;
        CommandLine line = mock(CommandLine.class);
        org.mockito.Mockito.when(line.getCursorArgument()).thenReturn("");
        org.mockito.Mockito.when(line.getArgumentPosition()).thenReturn(0);
        List<String> candidates = new ArrayList<>();

        completer.complete(null, line, candidates);

        assertThat(candidates).anySatisfy(c -> assertThat(c).contains(r.groupId()));
    }
}
