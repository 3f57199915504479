package org.alexandria.api.plugin;

import java.time.Instant;
import java.util.List;

/**
 * Health of the platform: the worst status of its active plugins and of the core, and each plugin's state.
 *
 * @param status  overall status
 * @param checked when the report was made
 * @param plugins every known plugin, active and gone
 */
public record HealthReport(HealthStatus status, Instant checked, List<PluginInfo> plugins) {
}
