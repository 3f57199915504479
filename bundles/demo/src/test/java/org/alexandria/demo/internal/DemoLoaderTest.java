package org.alexandria.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.alexandria.api.audit.AuditEntry;
import org.alexandria.api.audit.AuditRecord;
import org.alexandria.api.audit.AuditTrail;
import org.alexandria.api.crash.CrashAnalyzer;
import org.alexandria.api.crash.CrashReportSubmission;
import org.alexandria.api.kb.KnowledgeBase;
import org.alexandria.api.kb.NewArticle;
import org.alexandria.api.ticket.NewTicket;
import org.alexandria.api.ticket.Tickets;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class DemoLoaderTest {

    private final Tickets tickets = mock(Tickets.class);
    private final CrashAnalyzer crashes = mock(CrashAnalyzer.class);
    private final KnowledgeBase kb = mock(KnowledgeBase.class);
    private final AuditTrail audit = mock(AuditTrail.class);
    private final Instant now = Instant.parse("2026-11-25T12:00:00Z");
    private final DemoLoader loader = new DemoLoader(tickets, crashes, kb, audit, Clock.fixed(now, ZoneOffset.UTC));

    @Test
    void loadsEveryCrashReportAndTicketThenMarksTheDataAsLoaded() {
        when(audit.query(any())).thenReturn(List.of());

        assertThat(loader.loadOnce()).isTrue();

        ArgumentCaptor<CrashReportSubmission> reports = ArgumentCaptor.forClass(CrashReportSubmission.class);
        verify(crashes, times(14)).ingest(reports.capture());
        assertThat(reports.getAllValues()).allSatisfy(r -> {
            assertThat(r.content()).isNotBlank();
            assertThat(r.occurredAt()).isBefore(now);
            assertThat(r.source()).isEqualTo("demo");
        });
        ArgumentCaptor<NewArticle> articles = ArgumentCaptor.forClass(NewArticle.class);
        verify(kb, times(8)).create(articles.capture(), eq(true), eq(DemoLoader.ACTOR));
        assertThat(articles.getAllValues()).allSatisfy(a -> {
            assertThat(a.title()).isNotBlank();
            assertThat(a.body()).isNotBlank();
        });
        ArgumentCaptor<NewTicket> created = ArgumentCaptor.forClass(NewTicket.class);
        verify(tickets, times(10)).create(created.capture(), eq(DemoLoader.ACTOR));
        List<String> subjects = new ArrayList<>();
        created.getAllValues().forEach(t -> {
            subjects.add(t.subject());
            assertThat(t.type()).isNotNull();
            assertThat(t.priority()).isNotNull();
            assertThat(t.channel()).isNotNull();
            assertThat(t.requesterEmail()).contains("@");
        });
        assertThat(subjects).contains("App crashes when I tap Pay", "Inventory sync stopped overnight");
        ArgumentCaptor<AuditRecord> marker = ArgumentCaptor.forClass(AuditRecord.class);
        verify(audit).append(marker.capture());
        assertThat(marker.getValue().target()).isEqualTo(DemoLoader.MARKER);
    }

    @Test
    void doesNothingWhenTheAuditTrailSaysItWasLoaded() {
        when(audit.query(any())).thenReturn(List.of(mock(AuditEntry.class)));

        assertThat(loader.loadOnce()).isFalse();

        verify(crashes, never()).ingest(any());
        verify(tickets, never()).create(any(), any());
        verify(kb, never()).create(any(), eq(true), any());
        verify(audit, never()).append(any());
    }

    @Test
    void aFailingPluginLeavesTheDataUnmarkedSoTheNextStartRetries() {
        when(audit.query(any())).thenReturn(List.of());
        when(tickets.create(any(), any())).thenThrow(new IllegalStateException("database down"));

        org.assertj.core.api.Assertions.assertThatThrownBy(loader::loadOnce).isInstanceOf(IllegalStateException.class);

        verify(audit, never()).append(any());
    }
}
