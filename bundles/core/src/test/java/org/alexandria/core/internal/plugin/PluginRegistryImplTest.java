package org.alexandria.core.internal.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.prometheus.client.CollectorRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.alexandria.api.event.EventBus;
import org.alexandria.api.event.PluginEvent;
import org.alexandria.api.event.Topics;
import org.alexandria.api.plugin.AlexandriaPlugin;
import org.alexandria.api.plugin.HealthReport;
import org.alexandria.api.plugin.HealthStatus;
import org.alexandria.api.plugin.PluginDescriptor;
import org.alexandria.api.plugin.PluginHealth;
import org.alexandria.api.plugin.PluginInfo;
import org.alexandria.api.plugin.PluginState;
import org.alexandria.core.internal.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/**
 * {@link PluginRegistryImpl} with a mocked event bus. The registry checks a new plugin's health once in
 * the background right after adding it; tests either use plugins whose health does not change, or wait
 * for the outcome with Mockito's {@code timeout()}.
 */
class PluginRegistryImplTest {

    private static final long CALL_TIMEOUT_MS = 200;
    private static final long WAIT_MS = 10_000;

    private final TestClock clock = new TestClock();
    private final EventBus events = mock(EventBus.class);
    private final List<CountDownLatch> toRelease = new CopyOnWriteArrayList<>();
    private PluginRegistryImpl registry;

    @BeforeEach
    void createRegistry() {
        registry = new PluginRegistryImpl(events, config(CALL_TIMEOUT_MS, 3600), clock);
    }

    @AfterEach
    void stopRegistry() {
        toRelease.forEach(CountDownLatch::countDown);
        if (registry != null) {
            registry.deactivate(); // also unregisters its collector from the default registry
        }
    }

    // ---------------------------------------------------------------- helpers

    private static PluginRegistryImpl.Config config(long callTimeoutMillis, long healthPeriodSeconds) {
        PluginRegistryImpl.Config config = mock(PluginRegistryImpl.Config.class);
        when(config.callTimeoutMillis()).thenReturn(callTimeoutMillis);
        when(config.healthPeriodSeconds()).thenReturn(healthPeriodSeconds);
        return config;
    }

    /** A plugin whose health answer can be changed while it is registered. */
    private static final class TestPlugin implements AlexandriaPlugin {
        private final PluginDescriptor descriptor;
        final AtomicInteger healthCalls = new AtomicInteger();
        volatile Callable<PluginHealth> health = PluginHealth::up;

        TestPlugin(String id) {
            this.descriptor = new PluginDescriptor(id, "Plugin " + id, "1.2.3", Set.of("rest", "events"));
        }

        TestPlugin answering(Callable<PluginHealth> answer) {
            this.health = answer;
            return this;
        }

        @Override
        public PluginDescriptor descriptor() {
            return descriptor;
        }

        @Override
        public PluginHealth health() throws Exception {
            healthCalls.incrementAndGet();
            return health.call();
        }
    }

    @SuppressWarnings("unchecked")
    private static ServiceReference<AlexandriaPlugin> reference(String bundleName) {
        ServiceReference<AlexandriaPlugin> ref = mock(ServiceReference.class);
        Bundle bundle = mock(Bundle.class);
        when(bundle.getSymbolicName()).thenReturn(bundleName);
        when(ref.getBundle()).thenReturn(bundle);
        return ref;
    }

    private ServiceReference<AlexandriaPlugin> add(AlexandriaPlugin plugin, String bundleName) {
        ServiceReference<AlexandriaPlugin> ref = reference(bundleName);
        registry.addPlugin(plugin, ref);
        return ref;
    }

    private CountDownLatch latch() {
        CountDownLatch latch = new CountDownLatch(1);
        toRelease.add(latch);
        return latch;
    }

    /** Blocks until the latch opens and ignores interrupts, like plugin code stuck in a native call. */
    private static PluginHealth hangUntil(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return PluginHealth.up();
    }

    private PluginInfo info(String id) {
        return registry.plugin(id).orElseThrow(() -> new AssertionError("plugin " + id + " not listed"));
    }

    private static double sample(String name, String[] labels, String[] values) {
        Double value = CollectorRegistry.defaultRegistry.getSampleValue(name, labels, values);
        return value == null ? Double.NaN : value;
    }

    // ---------------------------------------------------------------- tests

    @Test
    void addedPluginIsListedActiveWithItsBundle() {
        Instant now = clock.instant();
        add(new TestPlugin("tickets"), "org.example.tickets");

        PluginInfo info = info("tickets");
        assertThat(info.name()).isEqualTo("Plugin tickets");
        assertThat(info.version()).isEqualTo("1.2.3");
        assertThat(info.capabilities()).containsExactlyInAnyOrder("rest", "events");
        assertThat(info.bundle()).isEqualTo("org.example.tickets");
        assertThat(info.state()).isEqualTo(PluginState.ACTIVE);
        assertThat(info.health()).isEqualTo(HealthStatus.UP);
        assertThat(info.since()).isEqualTo(now);
        assertThat(registry.plugins()).containsExactly(info);
        assertThat(registry.plugin("unknown")).isEmpty();
        verify(events).publish(Topics.PLUGIN_ADDED, "core",
                new PluginEvent("tickets", "1.2.3", "org.example.tickets", PluginState.ACTIVE, HealthStatus.UP));
    }

    @Test
    void bundleWithoutNameIsReportedAsUnknown() {
        @SuppressWarnings("unchecked")
        ServiceReference<AlexandriaPlugin> ref = mock(ServiceReference.class); // getBundle() is null once unregistered
        registry.addPlugin(new TestPlugin("orphan"), ref);

        assertThat(info("orphan").bundle()).isEqualTo("unknown");
    }

    @Test
    void healthIsTheWorstOfTheActivePlugins() {
        add(new TestPlugin("a-up"), "org.example.a");
        assertThat(registry.health().status()).isEqualTo(HealthStatus.UP);

        add(new TestPlugin("b-degraded").answering(() -> PluginHealth.degraded("no mail server")), "org.example.b");
        HealthReport degraded = registry.health();
        assertThat(degraded.status()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(degraded.checked()).isEqualTo(clock.instant());
        assertThat(info("b-degraded").message()).isEqualTo("no mail server");

        add(new TestPlugin("c-down").answering(() -> PluginHealth.down("disk full")), "org.example.c");
        HealthReport down = registry.health();
        assertThat(down.status()).isEqualTo(HealthStatus.DOWN);
        assertThat(down.plugins()).extracting(PluginInfo::id, PluginInfo::health).containsExactly(
                tuple("a-up", HealthStatus.UP),
                tuple("b-degraded", HealthStatus.DEGRADED),
                tuple("c-down", HealthStatus.DOWN));
    }

    @Test
    void healthWithoutPluginsIsUp() {
        HealthReport report = registry.health();

        assertThat(report.status()).isEqualTo(HealthStatus.UP);
        assertThat(report.plugins()).isEmpty();
    }

    @Test
    void healthChangeIsRecordedAndPublishedOnce() {
        TestPlugin plugin = new TestPlugin("tickets");
        add(plugin, "org.example.tickets");
        assertThat(registry.health().status()).isEqualTo(HealthStatus.UP);
        Instant later = clock.advance(Duration.ofMinutes(1));

        plugin.health = () -> PluginHealth.degraded("slow");
        assertThat(registry.health().status()).isEqualTo(HealthStatus.DEGRADED);
        registry.health();

        PluginInfo info = info("tickets");
        assertThat(info.health()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(info.since()).isEqualTo(later);
        verify(events, timeout(WAIT_MS).times(1)).publish(Topics.PLUGIN_HEALTH_CHANGED, "core",
                new PluginEvent("tickets", "1.2.3", "org.example.tickets", PluginState.ACTIVE, HealthStatus.DEGRADED));

        plugin.health = PluginHealth::up;
        assertThat(registry.health().status()).isEqualTo(HealthStatus.UP);
        verify(events, timeout(WAIT_MS).times(1)).publish(Topics.PLUGIN_HEALTH_CHANGED, "core",
                new PluginEvent("tickets", "1.2.3", "org.example.tickets", PluginState.ACTIVE, HealthStatus.UP));
    }

    @Test
    void newPluginIsCheckedInTheBackground() {
        TestPlugin plugin = new TestPlugin("mail").answering(() -> PluginHealth.down("SMTP unreachable"));
        add(plugin, "org.example.mail");

        // nobody calls health(): the check right after adding finds the plugin DOWN
        verify(events, timeout(WAIT_MS)).publish(Topics.PLUGIN_HEALTH_CHANGED, "core",
                new PluginEvent("mail", "1.2.3", "org.example.mail", PluginState.ACTIVE, HealthStatus.DOWN));
        assertThat(info("mail").health()).isEqualTo(HealthStatus.DOWN);
        assertThat(info("mail").message()).isEqualTo("SMTP unreachable");
    }

    @Test
    void throwingHealthCheckIsDownAndNamesTheBundle() {
        add(new TestPlugin("broken").answering(() -> {
            throw new IllegalStateException("database gone");
        }), "org.example.broken");

        HealthReport report = registry.health();

        assertThat(report.status()).isEqualTo(HealthStatus.DOWN);
        PluginInfo info = info("broken");
        assertThat(info.state()).isEqualTo(PluginState.ACTIVE);
        assertThat(info.health()).isEqualTo(HealthStatus.DOWN);
        assertThat(info.message()).contains("org.example.broken").contains("database gone");
    }

    @Test
    void healthCheckReturningNullIsDown() {
        add(new TestPlugin("sloppy").answering(() -> null), "org.example.sloppy");

        assertThat(registry.health().status()).isEqualTo(HealthStatus.DOWN);
        assertThat(info("sloppy").message()).contains("null");
    }

    @Test
    void hangingHealthCheckIsDownWithinTheTimeout() {
        CountDownLatch never = latch();
        add(new TestPlugin("stuck").answering(() -> hangUntil(never)), "org.example.stuck");
        add(new TestPlugin("fine"), "org.example.fine");

        long start = System.nanoTime();
        HealthReport report = assertTimeoutPreemptively(Duration.ofMillis(WAIT_MS), registry::health,
                "health() waited for a plugin that does not answer");
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(elapsedMs).isGreaterThanOrEqualTo(CALL_TIMEOUT_MS).isLessThan(5_000);
        assertThat(report.status()).isEqualTo(HealthStatus.DOWN);
        assertThat(info("stuck").health()).isEqualTo(HealthStatus.DOWN);
        assertThat(info("stuck").message()).contains("org.example.stuck").contains("did not answer within 200 ms");
        assertThat(info("fine").health()).isEqualTo(HealthStatus.UP);
    }

    @Test
    void removedPluginStaysListedAsGone() throws Exception {
        CountDownLatch checkedAfterAdding = new CountDownLatch(1);
        TestPlugin plugin = new TestPlugin("tickets").answering(() -> {
            checkedAfterAdding.countDown();
            return PluginHealth.up();
        });
        ServiceReference<AlexandriaPlugin> ref = add(plugin, "org.example.tickets");
        assertThat(checkedAfterAdding.await(WAIT_MS, TimeUnit.MILLISECONDS)).isTrue();
        add(new TestPlugin("zeta"), "org.example.zeta");
        Instant later = clock.advance(Duration.ofMinutes(1));

        registry.removePlugin(plugin, ref);

        PluginInfo gone = info("tickets");
        assertThat(gone.state()).isEqualTo(PluginState.GONE);
        assertThat(gone.health()).isEqualTo(HealthStatus.DOWN);
        assertThat(gone.message()).contains("went away");
        assertThat(gone.since()).isEqualTo(later);
        assertThat(gone.bundle()).isEqualTo("org.example.tickets");
        // active plugins first, then gone ones
        assertThat(registry.plugins()).extracting(PluginInfo::id).containsExactly("zeta", "tickets");
        verify(events).publish(Topics.PLUGIN_REMOVED, "core",
                new PluginEvent("tickets", "1.2.3", "org.example.tickets", PluginState.GONE, HealthStatus.DOWN));
        // a gone plugin no longer counts for, nor is called by, the health check
        HealthReport report = registry.health();
        assertThat(report.status()).isEqualTo(HealthStatus.UP);
        assertThat(report.plugins()).hasSize(2);
        assertThat(plugin.healthCalls.get()).as("only the check after adding called it").isEqualTo(1);
    }

    @Test
    void goneIdCanBeTakenByANewRegistration() {
        TestPlugin first = new TestPlugin("tickets");
        ServiceReference<AlexandriaPlugin> ref = add(first, "org.example.tickets");
        registry.removePlugin(first, ref);

        add(new TestPlugin("tickets"), "org.example.tickets.v2");

        assertThat(info("tickets").state()).isEqualTo(PluginState.ACTIVE);
        assertThat(info("tickets").bundle()).isEqualTo("org.example.tickets.v2");
        assertThat(registry.plugins()).hasSize(1);
    }

    @Test
    void duplicateIdFromAnotherServiceIsIgnored() {
        add(new TestPlugin("tickets"), "org.example.tickets");
        TestPlugin impostor = new TestPlugin("tickets").answering(() -> PluginHealth.down("impostor"));
        ServiceReference<AlexandriaPlugin> impostorRef = add(impostor, "org.example.impostor");

        assertThat(registry.plugins()).singleElement().satisfies(info -> {
            assertThat(info.bundle()).isEqualTo("org.example.tickets");
            assertThat(info.state()).isEqualTo(PluginState.ACTIVE);
        });
        assertThat(registry.health().status()).isEqualTo(HealthStatus.UP);
        assertThat(impostor.healthCalls.get()).isZero();
        verify(events, times(1)).publish(eq(Topics.PLUGIN_ADDED), anyString(), any());

        // the ignored service going away does not touch the registered one
        registry.removePlugin(impostor, impostorRef);
        assertThat(info("tickets").state()).isEqualTo(PluginState.ACTIVE);
        verify(events, never()).publish(eq(Topics.PLUGIN_REMOVED), anyString(), any());
    }

    @Test
    void throwingDescriptorMeansThePluginIsIgnored() {
        AlexandriaPlugin broken = new AlexandriaPlugin() {
            @Override
            public PluginDescriptor descriptor() {
                throw new IllegalStateException("not configured");
            }
        };

        registry.addPlugin(broken, reference("org.example.broken"));

        assertThat(registry.plugins()).isEmpty();
        assertThat(registry.health().status()).isEqualTo(HealthStatus.UP);
        verify(events, never()).publish(anyString(), anyString(), any());
    }

    @Test
    void invalidDescriptorMeansThePluginIsIgnored() {
        AlexandriaPlugin invalid = () -> new PluginDescriptor("Not A Valid Id", "x", "1", Set.of());

        registry.addPlugin(invalid, reference("org.example.invalid"));

        assertThat(registry.plugins()).isEmpty();
        verify(events, never()).publish(anyString(), anyString(), any());
    }

    @Test
    void hangingDescriptorMeansThePluginIsIgnoredWithinTheTimeout() {
        CountDownLatch never = latch();
        AlexandriaPlugin stuck = () -> {
            hangUntil(never);
            return new PluginDescriptor("stuck", "Stuck", "1", Set.of());
        };

        assertTimeoutPreemptively(Duration.ofMillis(WAIT_MS), () -> registry.addPlugin(stuck, reference("org.example.stuck")),
                "addPlugin() waited for a plugin that does not answer");

        assertThat(registry.plugins()).isEmpty();
        verify(events, never()).publish(anyString(), anyString(), any());
    }

    @Test
    void modifiedTimeoutAppliesToTheNextCall() {
        CountDownLatch never = latch();
        add(new TestPlugin("stuck").answering(() -> hangUntil(never)), "org.example.stuck");
        // let the check after adding (still with the old timeout) finish first
        verify(events, timeout(WAIT_MS)).publish(eq(Topics.PLUGIN_HEALTH_CHANGED), anyString(), any());
        assertThat(info("stuck").message()).contains("did not answer within 200 ms");

        registry.modified(config(50, 3600));
        registry.health();

        assertThat(info("stuck").message()).contains("did not answer within 50 ms");
    }

    @Test
    void modifiedPeriodAppliesWithoutRestart() throws Exception {
        CountDownLatch twoChecks = new CountDownLatch(2); // the check after adding, then a periodic one
        TestPlugin plugin = new TestPlugin("tickets").answering(() -> {
            twoChecks.countDown();
            return PluginHealth.up();
        });
        add(plugin, "org.example.tickets");

        registry.modified(config(CALL_TIMEOUT_MS, 1)); // was 3600 s

        assertThat(twoChecks.await(WAIT_MS, TimeUnit.MILLISECONDS)).as("a periodic check ran").isTrue();
    }

    @Test
    void metricsShowLastKnownHealthOfActivePlugins() {
        TestPlugin plugin = new TestPlugin("tickets").answering(() -> PluginHealth.degraded("slow"));
        ServiceReference<AlexandriaPlugin> ref = add(plugin, "org.example.tickets");
        registry.health();
        String[] labels = {"plugin", "status"};

        assertThat(sample("alexandria_plugin_health", labels, new String[] {"tickets", "DEGRADED"})).isEqualTo(1);
        assertThat(sample("alexandria_plugin_health", labels, new String[] {"tickets", "UP"})).isZero();
        assertThat(sample("alexandria_plugin_health", labels, new String[] {"tickets", "DOWN"})).isZero();
        assertThat(sample("alexandria_plugins", new String[] {"state"}, new String[] {"ACTIVE"})).isEqualTo(1);
        assertThat(sample("alexandria_plugins", new String[] {"state"}, new String[] {"GONE"})).isZero();

        registry.removePlugin(plugin, ref);

        assertThat(sample("alexandria_plugin_health", labels, new String[] {"tickets", "DEGRADED"})).isNaN();
        assertThat(sample("alexandria_plugins", new String[] {"state"}, new String[] {"ACTIVE"})).isZero();
        assertThat(sample("alexandria_plugins", new String[] {"state"}, new String[] {"GONE"})).isEqualTo(1);
    }

    @Test
    void deactivateUnregistersTheMetrics() {
        add(new TestPlugin("tickets"), "org.example.tickets");

        registry.deactivate();
        registry = null;

        assertThat(sample("alexandria_plugins", new String[] {"state"}, new String[] {"ACTIVE"})).isNaN();
        // so that a new registry (a restart of the component) can register them again
        registry = new PluginRegistryImpl(events, config(CALL_TIMEOUT_MS, 3600), clock);
        assertThat(sample("alexandria_plugins", new String[] {"state"}, new String[] {"ACTIVE"})).isZero();
    }
}
