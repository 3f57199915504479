package org.alexandria.kb.internal;

import static org.mockito.Mockito.mock;

import java.time.Clock;
import org.alexandria.api.audit.AuditTrail;
import org.alexandria.api.event.EventBus;
import org.alexandria.core.internal.audit.JpaAuditTrail;
import org.alexandria.core.internal.persistence.JdbcSchemaMigrator;
import org.alexandria.testing.TestDatabase;

/** Builds a real {@link KnowledgeBaseService} for tests of other packages. */
public final class KnowledgeBaseServices {

    private KnowledgeBaseServices() {
    }

    /**
     * @param db a test database
     * @return the service on it, with the real audit trail, a mocked event bus and an index in memory
     */
    public static KnowledgeBaseService inMemory(TestDatabase db) {
        AuditTrail audit = new JpaAuditTrail(db.entityManagerFactory(), new JdbcSchemaMigrator(db.dataSource()),
                mock(EventBus.class));
        return new KnowledgeBaseService(db.entityManagerFactory("alexandria-knowledge-base"),
                new JdbcSchemaMigrator(db.dataSource()), mock(EventBus.class), audit, LiveIndex.Storage.memory(), 5,
                Clock.systemUTC());
    }
}
