package org.alexandria.tickets.internal.store;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** Row of {@code tkt_counter}: the last number of a sequence, locked while a number is taken. */
@Entity
@Table(name = "tkt_counter")
public class CounterEntity {
    @Id
    @Column(name = "name")
    String name = "";
    @Column(name = "last_value")
    long lastValue;
}
