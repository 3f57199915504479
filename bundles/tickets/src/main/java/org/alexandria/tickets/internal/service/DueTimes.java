package org.alexandria.tickets.internal.service;

import javax.persistence.EntityManager;
import org.alexandria.api.ticket.Ticket;
import org.jspecify.annotations.Nullable;

/** Sets a ticket's SLA policy and due times when it is created or changed; provided by the SLA component. */
public interface DueTimes {

    /**
     * @param em     the change's entity manager, in its transaction
     * @param ticket the ticket as it is about to be stored
     * @param before the ticket before the change, or null for a new one
     * @return the ticket with its SLA policy, due times and breach flags
     */
    Ticket apply(EntityManager em, Ticket ticket, @Nullable Ticket before);
}
