package org.alexandria.crash.internal.store;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** Row of {@code alx_crash_content}: a report's raw content, loaded only when asked for. */
@Entity
@Table(name = "alx_crash_content")
public class CrashContentEntity {
    @Id
    @Column(name = "report_id")
    String reportId = "";
    @Column(name = "content")
    String content = "";
}
