package org.alexandria.workflow.resolution.internal;

import java.time.Clock;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import javax.persistence.EntityManagerFactory;
import org.alexandria.api.audit.AuditTrail;
import org.alexandria.api.crash.CrashAnalyzer;
import org.alexandria.api.event.AlexandriaEvent;
import org.alexandria.api.event.EntityChange;
import org.alexandria.api.event.EventSubscriber;
import org.alexandria.api.event.Topics;
import org.alexandria.api.kb.KnowledgeBase;
import org.alexandria.api.persistence.SchemaMigrator;
import org.alexandria.api.plugin.AlexandriaPlugin;
import org.alexandria.api.plugin.HealthStatus;
import org.alexandria.api.plugin.PluginDescriptor;
import org.alexandria.api.plugin.PluginHealth;
import org.alexandria.api.ticket.TicketTopics;
import org.alexandria.api.ticket.Tickets;
import org.alexandria.workflow.resolution.internal.correlation.GroupCache;
import org.alexandria.workflow.resolution.internal.route.ResolutionRoutes;
import org.alexandria.workflow.resolution.internal.service.Correlator;
import org.alexandria.workflow.resolution.internal.service.ResolutionConfig;
import org.alexandria.workflow.resolution.internal.service.ResolutionJob;
import org.alexandria.workflow.resolution.internal.service.ResolutionService;
import org.alexandria.workflow.resolution.internal.service.ResolutionSteps;
import org.alexandria.workflow.resolution.internal.service.Sweeper;
import org.alexandria.workflow.resolution.internal.store.ResolutionStore;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.core.osgi.OsgiCamelContextPublisher;
import org.apache.camel.core.osgi.OsgiDefaultCamelContext;
import org.jspecify.annotations.Nullable;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ticket-to-resolution workflow plugin: owns the Camel context with the workflow's routes, feeds it with
 * ticket and crash-group events, and follows the crash analyzer and the knowledge base as they come and go
 * (optional dynamic references: without them tickets still flow and the proposal says what is missing; when
 * one returns, the tickets that waited for it are run again). A new configuration restarts the component.
 */
@Component(service = {ResolutionWorkflow.class, EventSubscriber.class, AlexandriaPlugin.class},
        configurationPid = ResolutionConfig.PID,
        property = {EventSubscriber.TOPICS + "=" + Topics.TICKET_CREATED, EventSubscriber.TOPICS + "=" + Topics.TICKET_UPDATED,
            EventSubscriber.TOPICS + "=" + TicketTopics.COMMENTED, EventSubscriber.TOPICS + "=" + TicketTopics.MERGED,
            EventSubscriber.TOPICS + "=" + Topics.CRASH_GROUP_CREATED, EventSubscriber.TOPICS + "=" + Topics.CRASH_GROUP_UPDATED})
@Designate(ocd = ResolutionConfig.class)
public final class ResolutionWorkflow implements EventSubscriber, AlexandriaPlugin {

    private static final Logger LOG = LoggerFactory.getLogger(ResolutionWorkflow.class);

    private final PluginDescriptor descriptor;
    private final ResolutionStore store;
    private final ResolutionSteps steps;
    private final ResolutionService service;
    private final CamelContext camel;
    private final ProducerTemplate producer;
    private volatile @Nullable CrashAnalyzer crashAnalyzer;
    private volatile @Nullable KnowledgeBase knowledgeBase;
    private volatile boolean started;
    /** Tickets with a run queued or in progress on this node, so that the sweep does not run them twice. */
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    /** Crash groups the correlation read lately; dropped when their events say they changed. */
    private final GroupCache groups = new GroupCache();

    /**
     * @param context  the bundle context (Camel's OSGi context, version)
     * @param emf      the workflow's persistence unit
     * @param migrator applies the workflow's schema
     * @param tickets  the tickets plugin
     * @param audit    the audit trail
     * @param config   thresholds and pacing
     * @throws Exception when the Camel context does not start
     */
    @Activate
    public ResolutionWorkflow(BundleContext context,
            @Reference(target = "(osgi.unit.name=alexandria-workflow-resolution)") EntityManagerFactory emf,
            @Reference SchemaMigrator migrator, @Reference Tickets tickets, @Reference AuditTrail audit,
            ResolutionConfig config) throws Exception {
        migrator.migrate(ResolutionSteps.PLUGIN_ID, ResolutionWorkflow.class, "db/migration/" + ResolutionSteps.PLUGIN_ID);
        this.descriptor = new PluginDescriptor(ResolutionSteps.PLUGIN_ID, "Ticket-to-resolution workflow",
                context.getBundle().getVersion().toString(), Set.of("rest", "events", "console", "workflow"));
        Clock clock = Clock.systemUTC();
        this.store = new ResolutionStore(emf);
        this.steps = new ResolutionSteps(tickets, Correlator.engine(clock, groups), () -> crashAnalyzer, () -> knowledgeBase, store, audit,
                ResolutionSteps.Settings.of(config), clock);
        Sweeper sweeper = new Sweeper(tickets, store, clock, config.sweepOverlapSeconds() * 1000L, this::available,
                queued::contains);
        OsgiDefaultCamelContext camelContext = new OsgiDefaultCamelContext(context);
        camelContext.setName("alexandria-resolution");
        // registers the context as an OSGi service once started, where camel:context-list and camel:route-list find it
        camelContext.getManagementStrategy().addEventNotifier(new OsgiCamelContextPublisher(context));
        // runs still in flight after this long at shutdown are abandoned: the next sweep (on any node) redoes them
        camelContext.getShutdownStrategy().setTimeout(10);
        this.camel = camelContext;
        // routes added before start() never start in a DS component (stack.md): start first, then add them
        camel.start();
        try {
            camel.addRoutes(new ResolutionRoutes(steps, sweeper, config.consumers(), config.maximumRedeliveries(),
                    config.sweepSeconds() * 1000L, queued::remove));
            this.producer = camel.createProducerTemplate();
        } catch (Exception e) {
            camel.stop();
            throw e;
        }
        this.service = new ResolutionService(tickets, () -> crashAnalyzer, store, audit, clock, this::enqueue);
        started = true;
        LOG.info("Ticket-to-resolution workflow started (auto-link ≥ {}, suggest ≥ {})", config.autoLinkThreshold(),
                config.suggestThreshold());
    }

    /** Stops the routes; runs in flight finish or are taken up again by the next sweep (on any node). */
    @Deactivate
    void deactivate() throws Exception {
        started = false;
        producer.close();
        camel.stop();
        try {
            store.flushAudited();
        } catch (RuntimeException e) {
            // the next run of those tickets (any node) finds their audit entries and marks them
            LOG.debug("Audited marks not written at shutdown: {}", e.toString());
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindCrashAnalyzer(CrashAnalyzer analyzer) {
        crashAnalyzer = analyzer;
        retryWaiting();
    }

    void unbindCrashAnalyzer(CrashAnalyzer analyzer) {
        if (crashAnalyzer == analyzer) {
            crashAnalyzer = null;
        }
        groups.clear();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindKnowledgeBase(KnowledgeBase kb) {
        knowledgeBase = kb;
        retryWaiting();
    }

    void unbindKnowledgeBase(KnowledgeBase kb) {
        if (knowledgeBase == kb) {
            knowledgeBase = null;
        }
    }

    private void retryWaiting() {
        if (started) {
            // asynchronous: a bind must not wait for the database
            producer.asyncSendBody(ResolutionRoutes.RETRY_WAITING, "plugin-returned");
        }
    }

    private Set<String> available() {
        Set<String> analyses = new TreeSet<>();
        if (crashAnalyzer != null) {
            analyses.add(ResolutionSteps.CRASH_ANALYSIS);
        }
        if (knowledgeBase != null) {
            analyses.add(ResolutionSteps.KB_ANALYSIS);
        }
        return analyses;
    }

    @Override
    public void onEvent(AlexandriaEvent event) {
        if (!started) {
            return;
        }
        EntityChange change = event.payloadAs(EntityChange.class).orElse(null);
        if (change == null) {
            return;
        }
        if (event.topic().startsWith("alexandria/crash/")) {
            groups.invalidate(change.entityId());
            producer.sendBody(ResolutionRoutes.CRASH_ACTIVITY, change.entityId());
        } else if ("ticket".equals(change.entityType())) {
            enqueue(new ResolutionJob(change.entityId(), event.topic(), false));
        }
    }

    private void enqueue(ResolutionJob job) {
        queued.add(job.ticketId());
        producer.sendBody(ResolutionRoutes.QUEUE, job);
    }

    /** @return agents' side: resolutions and decisions */
    public ResolutionService service() {
        return service;
    }

    /** @return the workflow's tables (console reports) */
    public ResolutionStore store() {
        return store;
    }

    /** @return the workflow's settings */
    public ResolutionSteps.Settings settings() {
        return steps.settings();
    }

    @Override
    public PluginDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public PluginHealth health() {
        if (!camel.isStarted()) {
            return new PluginHealth(HealthStatus.DOWN, "the Camel context is not running");
        }
        Set<String> missing = new TreeSet<>(Set.of(ResolutionSteps.CRASH_ANALYSIS, ResolutionSteps.KB_ANALYSIS));
        missing.removeAll(available());
        return missing.isEmpty() ? new PluginHealth(HealthStatus.UP, "routes running")
                : new PluginHealth(HealthStatus.DEGRADED, "running without " + String.join(" and ", missing));
    }
}
