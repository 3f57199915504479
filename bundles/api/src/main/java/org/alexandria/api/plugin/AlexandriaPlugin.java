package org.alexandria.api.plugin;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Implemented by every plugin and registered as an OSGi service; the platform's {@link PluginRegistry}
 * picks it up dynamically and forgets it (marks it gone) when the service goes away.
 *
 * <p>Calls into a plugin are guarded by the platform: {@link #health()} runs with a timeout, and an
 * exception or a time-out is reported as {@link HealthStatus#DOWN} naming the plugin's bundle instead
 * of propagating.
 */
@ConsumerType
public interface AlexandriaPlugin {

    /** @return what this plugin is; must be cheap and must not change while the service is registered */
    PluginDescriptor descriptor();

    /**
     * Reports the plugin's own view of its health, for example whether a backing service is reachable.
     *
     * @return the current health; the default is {@link PluginHealth#up()}
     * @throws Exception any failure, which the platform reports as {@link HealthStatus#DOWN}
     */
    default PluginHealth health() throws Exception {
        return PluginHealth.up();
    }
}
