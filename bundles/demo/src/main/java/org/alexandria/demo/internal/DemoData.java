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
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the demo data once the plugins it feeds are there. The load runs on its own thread so activation never
 * waits on it; a failure is logged and retried at the next activation (nothing is marked as loaded). Set
 * {@code enabled = false} in {@code etc/org.alexandria.demo.cfg} (or uninstall the feature) to keep a platform empty.
 */
@Component(immediate = true, configurationPid = DemoData.PID)
@Designate(ocd = DemoData.Config.class)
public final class DemoData {

    static final String PID = "org.alexandria.demo";

    /** Configuration of the demo data. */
    @ObjectClassDefinition(name = "Alexandria demo data", description = "Demo tickets, crash reports and articles")
    public @interface Config {
        /** @return whether to load the demo data into an empty platform */
        @AttributeDefinition(description = "Load the demo data once into a platform that never had it")
        boolean enabled() default true;
    }

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
     * @param config  whether to load at all
     */
    @Activate
    public DemoData(@Reference Tickets tickets, @Reference CrashAnalyzer crashes, @Reference KnowledgeBase kb,
            @Reference AuditTrail audit, Config config) {
        if (!config.enabled()) {
            LOG.info("Demo data disabled by {}", PID);
            return;
        }
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
