package org.alexandria.demo.internal;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.alexandria.api.audit.AuditTrail;
import org.alexandria.api.crash.CrashAnalyzer;
import org.alexandria.api.kb.KnowledgeBase;
import org.alexandria.api.ticket.Tickets;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the demo data once the plugins it feeds are there. The load runs on its own thread so activation never
 * waits on it; a failure is logged and retried at the next activation (nothing is marked as loaded).
 */
@Component(immediate = true)
public final class DemoData {

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "alexandria-demo-data");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param tickets the tickets plugin
     * @param crashes the crash analyzer plugin
     * @param kb      the knowledge base plugin
     * @param audit   the audit trail, which remembers that the data was loaded
     */
    @Activate
    public DemoData(@Reference Tickets tickets, @Reference CrashAnalyzer crashes, @Reference KnowledgeBase kb,
            @Reference AuditTrail audit) {
        DemoLoader loader = new DemoLoader(tickets, crashes, kb, audit, Clock.systemUTC());
        executor.execute(() -> {
            try {
                if (loader.loadOnce()) {
                    LOG.info("Demo data loaded");
                } else {
                    LOG.debug("Demo data already loaded");
                }
            } catch (RuntimeException e) {
                LOG.warn("Demo data not loaded; it is retried at the next start: {}", e.toString());
            }
        });
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
    }
}
