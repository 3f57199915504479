package org.alexandria.tickets.internal.service;

import javax.persistence.EntityManagerFactory;
import org.alexandria.api.audit.Actor;
import org.alexandria.core.internal.persistence.JdbcSchemaMigrator;
import org.alexandria.tickets.internal.RecordingAudit;
import org.alexandria.tickets.internal.RecordingEvents;
import org.alexandria.tickets.internal.TestClock;
import org.alexandria.tickets.internal.TestConfig;
import org.alexandria.testing.TestDatabase;

/** The plugin's services on a throw-away database, with recording audit trail and event bus. */
public final class Fixture implements AutoCloseable {

    public static final Actor AGENT = Actor.user("agent");

    public final TestDatabase db;
    public final JdbcSchemaMigrator migrator;
    public final EntityManagerFactory emf;
    public final RecordingAudit audit = new RecordingAudit();
    public final RecordingEvents events = new RecordingEvents();
    public final TestClock clock = new TestClock();
    public final TicketService tickets;
    public final CustomerService customers;

    public Fixture(TestDatabase.Kind kind) {
        this(kind, TestConfig.tickets());
    }

    public Fixture(TestDatabase.Kind kind, TicketsConfig config) {
        db = kind.create();
        migrator = new JdbcSchemaMigrator(db.dataSource());
        emf = db.entityManagerFactory("alexandria-tickets");
        tickets = new TicketService(emf, migrator, audit, events, config, clock);
        customers = new CustomerService(emf, migrator, audit, clock);
    }

    /** A second service instance on the same database, as after a restart. */
    public TicketService restart() {
        return new TicketService(emf, migrator, audit, events, TestConfig.tickets(), clock);
    }

    @Override
    public void close() throws Exception {
        tickets.deactivate();
        db.close();
    }
}
