package org.alexandria.tickets.internal.service;

import java.sql.Connection;
import java.sql.SQLException;
import org.alexandria.api.ticket.Ticket;
import org.jspecify.annotations.Nullable;

/** Sets a ticket's SLA policy and due times when it is created or changed; provided by the SLA component. */
public interface DueTimes {

    /**
     * @param connection the change's transaction
     * @param ticket     the ticket as it is about to be stored
     * @param before     the ticket before the change, or null for a new one
     * @return the ticket with its SLA policy, due times and breach flags
     * @throws SQLException on a database error
     */
    Ticket apply(Connection connection, Ticket ticket, @Nullable Ticket before) throws SQLException;
}
