package org.alexandria.tickets.internal.store;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.JoinColumn;
import javax.persistence.MapKeyColumn;
import javax.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * Row of {@code tkt_customer} with its contact channels ({@code tkt_customer_channel}) and consents
 * ({@code tkt_customer_consent}); its products are {@link ProductUseEntity} rows.
 */
@Entity
@Table(name = "tkt_customer")
public class CustomerEntity extends PartyEntity {
    @Column(name = "email")
    @Nullable String email;
    @Column(name = "phone")
    @Nullable String phone;
    @Column(name = "organization_id")
    @Nullable String organizationId;
    /** Channel names. */
    @ElementCollection
    @CollectionTable(name = "tkt_customer_channel", joinColumns = @JoinColumn(name = "customer_id"))
    @Column(name = "channel")
    Set<String> channels = new HashSet<>();
    /** Granted or not, by purpose. */
    @ElementCollection
    @CollectionTable(name = "tkt_customer_consent", joinColumns = @JoinColumn(name = "customer_id"))
    @MapKeyColumn(name = "purpose")
    @Column(name = "granted")
    Map<String, Boolean> consents = new HashMap<>();
}
