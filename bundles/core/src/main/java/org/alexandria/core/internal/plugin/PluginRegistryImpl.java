package org.alexandria.core.internal.plugin;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.alexandria.api.event.EventBus;
import org.alexandria.api.event.PluginEvent;
import org.alexandria.api.event.Topics;
import org.alexandria.api.plugin.AlexandriaPlugin;
import org.alexandria.api.plugin.HealthReport;
import org.alexandria.api.plugin.HealthStatus;
import org.alexandria.api.plugin.PluginDescriptor;
import org.alexandria.api.plugin.PluginHealth;
import org.alexandria.api.plugin.PluginInfo;
import org.alexandria.api.plugin.PluginRegistry;
import org.alexandria.api.plugin.PluginState;
import org.alexandria.core.internal.SafeCaller;
import org.alexandria.core.internal.SafeCaller.PluginCallException;
import org.jspecify.annotations.Nullable;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tracks {@link AlexandriaPlugin} services as they come and go. Every call into a plugin runs through the
 * {@link SafeCaller}; a plugin that misbehaves is reported DOWN with its bundle's name, and a plugin whose
 * service goes away stays listed as {@link PluginState#GONE}.
 */
@Component(service = PluginRegistry.class, configurationPid = PluginRegistryImpl.PID)
@Designate(ocd = PluginRegistryImpl.Config.class)
public final class PluginRegistryImpl implements PluginRegistry {

    static final String PID = "org.alexandria.core.plugins";
    private static final Logger LOG = LoggerFactory.getLogger(PluginRegistryImpl.class);

    /** Configuration of the plugin registry. */
    @ObjectClassDefinition(name = "Alexandria plugin registry", description = "How plugins are watched.")
    public @interface Config {
        /** @return time a plugin gets to answer a call */
        @AttributeDefinition(name = "Call timeout (ms)", description = "How long a plugin may take to answer a call such as a health check.", min = "1")
        long callTimeoutMillis() default 2000;

        /** @return health check period */
        @AttributeDefinition(name = "Health check period (s)", description = "How often every plugin's health is checked in the background.", min = "1")
        long healthPeriodSeconds() default 30;
    }

    private final Map<String, Tracked> plugins = new ConcurrentHashMap<>();
    private final SafeCaller caller = new SafeCaller("alexandria-plugin-call");
    private final EventBus events;
    private final Clock clock;
    private final PluginMetrics metrics;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "alexandria-plugin-health");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Duration timeout;
    private volatile ScheduledFuture<?> healthChecks;

    /**
     * @param events event bus for plugin events
     * @param config configuration
     */
    @Activate
    public PluginRegistryImpl(@Reference EventBus events, Config config) {
        this(events, config, Clock.systemUTC());
    }

    PluginRegistryImpl(EventBus events, Config config, Clock clock) {
        this.events = events;
        this.clock = clock;
        this.timeout = Duration.ofMillis(config.callTimeoutMillis());
        this.metrics = new PluginMetrics(this::plugins);
        metrics.register(io.prometheus.client.CollectorRegistry.defaultRegistry);
        this.healthChecks = schedule(config.healthPeriodSeconds());
    }

    @Modified
    void modified(Config config) {
        this.timeout = Duration.ofMillis(config.callTimeoutMillis());
        healthChecks.cancel(false);
        this.healthChecks = schedule(config.healthPeriodSeconds());
    }

    private ScheduledFuture<?> schedule(long periodSeconds) {
        return scheduler.scheduleWithFixedDelay(this::checkAll, periodSeconds, periodSeconds, TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        scheduler.shutdownNow();
        caller.close();
        metrics.unregister();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addPlugin(AlexandriaPlugin plugin, ServiceReference<AlexandriaPlugin> ref) {
        String bundle = bundleOf(ref);
        PluginDescriptor descriptor;
        try {
            descriptor = caller.call(bundle, "descriptor()", timeout, plugin::descriptor);
            if (descriptor == null) {
                LOG.error("Plugin service from bundle {} ignored: descriptor() returned null", bundle);
                return;
            }
        } catch (PluginCallException e) {
            LOG.error("Plugin service from bundle {} ignored: {}", bundle, e.getMessage());
            return;
        }
        Tracked previous = plugins.get(descriptor.id());
        if (previous != null && previous.plugin != null && !ref.equals(previous.ref)) {
            LOG.warn("Plugin id {} from bundle {} is already registered by bundle {}; ignoring the second one",
                    descriptor.id(), bundle, previous.info.bundle());
            return;
        }
        Tracked tracked = new Tracked(plugin, ref, new PluginInfo(descriptor.id(), descriptor.name(),
                descriptor.version(), descriptor.capabilities(), bundle, PluginState.ACTIVE, HealthStatus.UP, null,
                clock.instant()));
        plugins.put(descriptor.id(), tracked);
        LOG.info("Plugin {} {} added (bundle {})", descriptor.id(), descriptor.version(), bundle);
        publish(Topics.PLUGIN_ADDED, tracked.info);
        scheduler.execute(() -> check(tracked));
    }

    void removePlugin(AlexandriaPlugin plugin, ServiceReference<AlexandriaPlugin> ref) {
        for (Map.Entry<String, Tracked> entry : plugins.entrySet()) {
            Tracked tracked = entry.getValue();
            if (ref.equals(tracked.ref)) {
                PluginInfo gone = withState(tracked.info, PluginState.GONE, HealthStatus.DOWN, "plugin service went away");
                plugins.put(entry.getKey(), new Tracked(null, null, gone));
                LOG.info("Plugin {} gone (bundle {})", gone.id(), gone.bundle());
                publish(Topics.PLUGIN_REMOVED, gone);
            }
        }
    }

    @Override
    public List<PluginInfo> plugins() {
        List<PluginInfo> result = new ArrayList<>();
        plugins.values().forEach(t -> result.add(t.info));
        result.sort(Comparator.comparing((PluginInfo p) -> p.state()).thenComparing(PluginInfo::id));
        return result;
    }

    @Override
    public Optional<PluginInfo> plugin(String id) {
        Tracked tracked = plugins.get(id);
        return tracked == null ? Optional.empty() : Optional.of(tracked.info);
    }

    @Override
    public HealthReport health() {
        HealthStatus overall = HealthStatus.UP;
        List<Tracked> active = plugins.values().stream().filter(t -> t.plugin != null).toList();
        for (Tracked tracked : active) {
            overall = overall.worst(check(tracked).health());
        }
        return new HealthReport(overall, clock.instant(), plugins());
    }

    private void checkAll() {
        plugins.values().stream().filter(t -> t.plugin != null).forEach(this::check);
    }

    /** Runs one plugin's health check and records a change; returns the plugin's current info. */
    private PluginInfo check(Tracked tracked) {
        AlexandriaPlugin plugin = tracked.plugin;
        if (plugin == null) {
            return tracked.info;
        }
        PluginHealth health;
        try {
            health = caller.call(tracked.info.bundle(), "health()", timeout, plugin::health);
            if (health == null) {
                health = PluginHealth.down("health() returned null");
            }
        } catch (PluginCallException e) {
            health = PluginHealth.down(e.getMessage());
        }
        PluginInfo before = tracked.info;
        PluginInfo after = withState(before, PluginState.ACTIVE, health.status(), health.message());
        boolean changed = before.health() != after.health();
        // only replace if the plugin is still the tracked one (it may have gone meanwhile)
        Tracked updated = new Tracked(plugin, tracked.ref, changed ? after : withMessage(before, health.message()));
        if (plugins.replace(before.id(), tracked, updated)) {
            if (changed) {
                LOG.info("Plugin {} health {} -> {}{}", after.id(), before.health(), after.health(),
                        health.message() == null ? "" : ": " + health.message());
                publish(Topics.PLUGIN_HEALTH_CHANGED, after);
            }
            return updated.info;
        }
        Tracked current = plugins.get(before.id());
        return current == null ? after : current.info;
    }

    private PluginInfo withState(PluginInfo info, PluginState state, HealthStatus health, @Nullable String message) {
        return new PluginInfo(info.id(), info.name(), info.version(), info.capabilities(), info.bundle(), state, health,
                message, info.state() == state && info.health() == health ? info.since() : clock.instant());
    }

    private static PluginInfo withMessage(PluginInfo info, @Nullable String message) {
        return new PluginInfo(info.id(), info.name(), info.version(), info.capabilities(), info.bundle(), info.state(),
                info.health(), message, info.since());
    }

    private void publish(String topic, PluginInfo info) {
        events.publish(topic, "core", new PluginEvent(info.id(), info.version(), info.bundle(), info.state(), info.health()));
    }

    private static String bundleOf(ServiceReference<?> ref) {
        return ref.getBundle() == null ? "unknown" : ref.getBundle().getSymbolicName();
    }

    /** A registry entry; plugin and ref are null once the plugin is gone. */
    private static final class Tracked {
        final @Nullable AlexandriaPlugin plugin;
        final @Nullable ServiceReference<AlexandriaPlugin> ref;
        final PluginInfo info;

        Tracked(@Nullable AlexandriaPlugin plugin, @Nullable ServiceReference<AlexandriaPlugin> ref, PluginInfo info) {
            this.plugin = plugin;
            this.ref = ref;
            this.info = info;
        }
    }
}
