package org.alexandria.core.internal.plugin;

import io.prometheus.client.Collector;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.GaugeMetricFamily;
import java.util.List;
import java.util.function.Supplier;
import org.alexandria.api.plugin.HealthStatus;
import org.alexandria.api.plugin.PluginInfo;
import org.alexandria.api.plugin.PluginState;

/**
 * Exposes the last known plugin health as a state set: {@code alexandria_plugin_health{plugin,status}} is 1
 * for the plugin's current status and 0 for the others. Reads the registry's cached state; a scrape never
 * calls into plugin code.
 */
final class PluginMetrics extends Collector {

    private final Supplier<List<PluginInfo>> plugins;

    PluginMetrics(Supplier<List<PluginInfo>> plugins) {
        this.plugins = plugins;
    }

    void unregister() {
        CollectorRegistry.defaultRegistry.unregister(this);
    }

    @Override
    public List<MetricFamilySamples> collect() {
        GaugeMetricFamily health = new GaugeMetricFamily("alexandria_plugin_health",
                "Last known plugin health: 1 for the current status, 0 otherwise.", List.of("plugin", "status"));
        GaugeMetricFamily active = new GaugeMetricFamily("alexandria_plugins",
                "Plugins known to the registry, by state.", List.of("state"));
        List<PluginInfo> all = plugins.get();
        for (PluginInfo info : all) {
            if (info.state() == PluginState.GONE) {
                continue;
            }
            for (HealthStatus status : HealthStatus.values()) {
                health.addMetric(List.of(info.id(), status.name()), info.health() == status ? 1 : 0);
            }
        }
        for (PluginState state : PluginState.values()) {
            active.addMetric(List.of(state.name()), all.stream().filter(p -> p.state() == state).count());
        }
        return List.of(health, active);
    }
}
