package org.alexandria.workflow.resolution.internal.correlation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.alexandria.api.audit.AuditTrail;
import org.alexandria.api.crash.CrashReportSubmission;
import org.alexandria.api.event.EventBus;
import org.alexandria.core.internal.persistence.JdbcSchemaMigrator;
import org.alexandria.crash.internal.service.CrashAnalyzerService;
import org.alexandria.crash.internal.service.CrashConfig;
import org.alexandria.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine over the real crash analyzer service (its store on H2, its parser, match and search). */
class CorrelationWithCrashAnalyzerTest {

    private static final String LEGEND = """
            java.lang.NullPointerException
            \tat org.jfree.chart.renderer.category.AbstractCategoryItemRenderer.getLegendItem(AbstractCategoryItemRenderer.java:1797)
            \tat org.jfree.chart.plot.CategoryPlot.getLegendItems(CategoryPlot.java:1018)
            \tat org.jfree.chart.JFreeChart.draw(JFreeChart.java:1200)
            """;
    private static final String KEY = """
            org.jfree.data.UnknownKeyException: The key (C2) is not recognised.
            \tat org.jfree.data.KeyedObjects.getObject(KeyedObjects.java:171)
            \tat org.jfree.data.KeyedObjects2D.getObject(KeyedObjects2D.java:233)
            """;
    private static final String TAR = """
            java.lang.IllegalArgumentException: Invalid byte 32 at offset 1 in ' {NUL}' len=2
            \tat org.apache.commons.compress.archivers.tar.TarUtils.parseOctal(TarUtils.java:124)
            \tat org.apache.commons.compress.archivers.tar.TarArchiveEntry.parseTarHeader(TarArchiveEntry.java:790)
            """;

    private TestDatabase db;
    private CorrelationEngine engine;
    private String legend;
    private String key;
    private String tar;

    @BeforeEach
    void start() {
        db = TestDatabase.Kind.H2.create();
        CrashConfig config = mock(CrashConfig.class);
        when(config.maxContentBytes()).thenReturn(1_000_000L);
        when(config.groupingFrames()).thenReturn(5);
        when(config.inAppInclude()).thenReturn(new String[0]);
        when(config.inAppExclude()).thenReturn(new String[0]);
        when(config.groupByMessageTypes()).thenReturn(new String[0]);
        CrashAnalyzerService crashes = new CrashAnalyzerService(db.entityManagerFactory("alexandria-crash-analyzer"),
                new JdbcSchemaMigrator(db.dataSource()), mock(EventBus.class), mock(AuditTrail.class), config);
        legend = crashes.ingest(report(LEGEND)).groupId();
        key = crashes.ingest(report(KEY)).groupId();
        tar = crashes.ingest(report(TAR)).groupId();
        engine = new CorrelationEngine(crashes, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        db.close();
    }

    private static CrashReportSubmission report(String trace) {
        return new CrashReportSubmission(trace, "chart-app", "1.0.13", "Linux", null, "c-1", null, null, "api");
    }

    private List<Candidate> correlate(String subject, String text) {
        return engine.correlate(new TicketFacts("t", subject, text, null, null, null, null, null, Instant.now()),
                Set.of(), CorrelationSettings.DEFAULTS);
    }

    @Test
    void everyWayOfWritingFindsItsGroupFirst() {
        assertThat(correlate("Crash", "Hi,\n" + LEGEND + "\nThanks")).first().extracting(Candidate::groupId).isEqualTo(legend);
        assertThat(correlate("Error", "the log says\n  at TarUtils.parseOctal(TarUtils.java:124)\n  at TarArchiveEntry.parseTarHeader"))
                .first().extracting(Candidate::groupId).isEqualTo(tar);
        assertThat(correlate("Dashboard broken", "We get: The key (C2) is not recognised.")).first()
                .extracting(Candidate::groupId).isEqualTo(key);
        assertThat(correlate("Charts", "the chart crashes with a null pointer when it draws the legend items"))
                .first().extracting(Candidate::groupId).isEqualTo(legend);
    }

    @Test
    void aPastedTraceIsLinkedAutomaticallyAndABillingQuestionIsNot() {
        Candidate pasted = correlate("Crash", LEGEND).get(0);
        assertThat(CorrelationSettings.DEFAULTS.decide(pasted.score())).isEqualTo(LinkDecision.AUTO_LINK);

        List<Candidate> billing = correlate("Invoice", "Our invoice shows 12 seats, we have 9 users. Please fix it.");
        assertThat(billing).allSatisfy(c ->
                assertThat(CorrelationSettings.DEFAULTS.decide(c.score())).isEqualTo(LinkDecision.NONE));
    }
}
