package org.alexandria.api.event;

import org.alexandria.api.plugin.HealthStatus;
import org.alexandria.api.plugin.PluginState;

/**
 * Payload of the {@code alexandria/plugin/*} topics.
 *
 * @param pluginId plugin id
 * @param version  plugin version
 * @param bundle   symbolic name of the plugin's bundle
 * @param state    state after the change
 * @param health   health after the change
 */
public record PluginEvent(String pluginId, String version, String bundle, PluginState state, HealthStatus health) {
}
