package org.alexandria.tickets.internal.sla;

import java.io.Serializable;
import java.util.Objects;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;
import org.jspecify.annotations.Nullable;

/** Row of {@code tkt_sla_target}: a policy's targets for one priority, in business minutes (null for none). */
@Entity
@Table(name = "tkt_sla_target")
@IdClass(SlaTargetEntity.Key.class)
public class SlaTargetEntity {
    @Id
    @Column(name = "policy_id")
    String policyId = "";
    @Id
    @Column(name = "priority")
    String priority = "";
    @Column(name = "first_response_minutes")
    @Nullable Integer firstResponseMinutes;
    @Column(name = "resolution_minutes")
    @Nullable Integer resolutionMinutes;

    /** The primary key: policy and priority. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        String policyId = "";
        String priority = "";

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && policyId.equals(k.policyId) && priority.equals(k.priority);
        }

        @Override
        public int hashCode() {
            return Objects.hash(policyId, priority);
        }
    }
}
