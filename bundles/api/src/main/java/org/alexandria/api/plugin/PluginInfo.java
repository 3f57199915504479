package org.alexandria.api.plugin;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The registry's view of one plugin.
 *
 * @param id           plugin id
 * @param name         plugin name
 * @param version      plugin version
 * @param capabilities capabilities the plugin declared
 * @param bundle       symbolic name of the bundle that registered the plugin
 * @param state        whether the plugin is present
 * @param health       last known health ({@link HealthStatus#DOWN} once gone)
 * @param message      explanation of the health, if any
 * @param since        when the plugin entered its current state
 */
public record PluginInfo(String id, String name, String version, Set<String> capabilities, String bundle,
        PluginState state, HealthStatus health, @Nullable String message, Instant since) {
}
