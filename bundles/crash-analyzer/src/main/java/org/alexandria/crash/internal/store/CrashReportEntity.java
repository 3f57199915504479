package org.alexandria.crash.internal.store;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import org.jspecify.annotations.Nullable;

/** Row of {@code alx_crash_report}. */
@Entity
@Table(name = "alx_crash_report")
public class CrashReportEntity {
    @Id
    @Column(name = "id")
    String id = "";
    @Column(name = "received_ms")
    long receivedMs;
    @Column(name = "occurred_ms")
    long occurredMs;
    @Column(name = "app")
    @Nullable String app;
    @Column(name = "app_version")
    @Nullable String appVersion;
    @Column(name = "os")
    @Nullable String os;
    @Column(name = "device")
    @Nullable String device;
    @Column(name = "customer_id")
    @Nullable String customerId;
    @Column(name = "ticket_id")
    @Nullable String ticketId;
    @Column(name = "source")
    String source = "";
    @Column(name = "content_chars")
    long contentChars;
    @Column(name = "parsed")
    boolean parsed;
    @Column(name = "unparsed_reason")
    @Nullable String unparsedReason;
    @Column(name = "platform")
    @Nullable String platform;
    @Column(name = "exception_type")
    @Nullable String exceptionType;
    @Column(name = "exception_message")
    @Nullable String exceptionMessage;
    @Column(name = "trace_json")
    @Nullable String traceJson;
    @Column(name = "fingerprint")
    @Nullable String fingerprint;
    @Column(name = "grouping_rules")
    @Nullable String groupingRules;
    @Column(name = "signature")
    @Nullable String signature;
    @Column(name = "group_id")
    @Nullable String groupId;

    /** @return the id */
    public String id() {
        return id;
    }

    /** @return when it was received */
    public long receivedMs() {
        return receivedMs;
    }

    /** @return its group */
    public @Nullable String groupId() {
        return groupId;
    }

    static CrashReportEntity of(ReportDraft d) {
        CrashReportEntity c = new CrashReportEntity();
        c.id = d.id();
        c.receivedMs = d.receivedMs();
        c.occurredMs = d.occurredMs();
        c.app = d.app();
        c.appVersion = d.appVersion();
        c.os = d.os();
        c.device = d.device();
        c.customerId = d.customerId();
        c.ticketId = d.ticketId();
        c.source = d.source();
        c.contentChars = d.contentChars();
        c.parsed = d.parsed();
        c.unparsedReason = d.unparsedReason() == null ? null : CrashStore.cut(d.unparsedReason(), CrashStore.SHORT_TEXT);
        c.platform = d.platform();
        c.exceptionType = d.exceptionType() == null ? null : CrashStore.cut(d.exceptionType(), CrashStore.SHORT_TEXT);
        c.exceptionMessage = d.exceptionMessage() == null ? null : CrashStore.cut(d.exceptionMessage(), CrashStore.REPORT_MESSAGE_CHARS);
        c.traceJson = d.traceJson();
        c.fingerprint = d.fingerprint();
        c.groupingRules = d.groupingRules();
        c.signature = d.signature() == null ? null : CrashStore.cut(d.signature(), CrashStore.SHORT_TEXT);
        return c;
    }
}
