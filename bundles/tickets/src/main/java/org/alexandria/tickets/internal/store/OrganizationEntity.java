package org.alexandria.tickets.internal.store;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Table;
import org.jspecify.annotations.Nullable;

/** Row of {@code tkt_organization}; its products are {@link ProductUseEntity} rows. */
@Entity
@Table(name = "tkt_organization")
public class OrganizationEntity extends PartyEntity {
    @Column(name = "domain")
    @Nullable String domain;
}
