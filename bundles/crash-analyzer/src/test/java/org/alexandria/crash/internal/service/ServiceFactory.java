package org.alexandria.crash.internal.service;

import java.time.Clock;
import org.alexandria.api.audit.AuditTrail;
import org.alexandria.api.event.EventBus;
import org.alexandria.core.internal.persistence.JdbcSchemaMigrator;
import org.alexandria.testing.TestDatabase;
import org.mockito.Mockito;

/** Builds the service on a test database for tests of other packages (resources, commands). */
public final class ServiceFactory {

    private ServiceFactory() {
    }

    /** @return the service with a mock event bus and the system clock */
    public static CrashAnalyzerService create(TestDatabase db, AuditTrail audit, CrashConfig config) {
        return new CrashAnalyzerService(db.entityManagerFactory("alexandria-crash-analyzer"), new JdbcSchemaMigrator(db.dataSource()),
                Mockito.mock(EventBus.class), audit, config, Clock.systemUTC());
    }
}
