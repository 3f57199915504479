package org.alexandria.api.plugin;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A plugin's answer to a health check.
 *
 * @param status  the status
 * @param message optional explanation shown to admins
 */
public record PluginHealth(HealthStatus status, @Nullable String message) {

    /** Requires a status. */
    public PluginHealth {
        Objects.requireNonNull(status, "status");
    }

    /** @return a healthy answer without message */
    public static PluginHealth up() {
        return new PluginHealth(HealthStatus.UP, null);
    }

    /**
     * @param message why the plugin works only in part
     * @return a degraded answer
     */
    public static PluginHealth degraded(String message) {
        return new PluginHealth(HealthStatus.DEGRADED, message);
    }

    /**
     * @param message why the plugin does not work
     * @return a down answer
     */
    public static PluginHealth down(String message) {
        return new PluginHealth(HealthStatus.DOWN, message);
    }
}
