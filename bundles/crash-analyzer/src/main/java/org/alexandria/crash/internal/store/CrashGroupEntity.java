package org.alexandria.crash.internal.store;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import org.jspecify.annotations.Nullable;

/** Row of {@code alx_crash_group}. */
@Entity
@Table(name = "alx_crash_group")
public class CrashGroupEntity {
    @Id
    @Column(name = "id")
    String id = "";
    @Column(name = "fingerprint")
    String fingerprint = "";
    @Column(name = "grouping_rules")
    String groupingRules = "";
    @Column(name = "signature")
    String signature = "";
    @Column(name = "exception_type")
    String exceptionType = "";
    @Column(name = "exception_message")
    String exceptionMessage = "";
    @Column(name = "platform")
    String platform = "";
    @Column(name = "trace_json")
    String traceJson = "";
    @Column(name = "status")
    String status = "";
    @Column(name = "merged_into")
    @Nullable String mergedInto;
    @Column(name = "report_count")
    long reportCount;
    @Column(name = "first_seen_ms")
    long firstSeenMs;
    @Column(name = "last_seen_ms")
    long lastSeenMs;
    @Column(name = "created_ms")
    long createdMs;

    /** @return the id */
    public String id() {
        return id;
    }

    /** @return the fingerprint */
    public String fingerprint() {
        return fingerprint;
    }

    /** @return the signature */
    public String signature() {
        return signature;
    }

    /** @return the representative trace as JSON */
    public String traceJson() {
        return traceJson;
    }

    /** @return the status name */
    public String status() {
        return status;
    }

    /** @return the group it was merged into */
    public @Nullable String mergedInto() {
        return mergedInto;
    }

    /** @return reports in the group */
    public long reportCount() {
        return reportCount;
    }

    /** @return when its latest report was received */
    public long lastSeenMs() {
        return lastSeenMs;
    }

    /** @return when the group was created */
    public long createdMs() {
        return createdMs;
    }
}
