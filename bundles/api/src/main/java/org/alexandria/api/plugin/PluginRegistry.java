package org.alexandria.api.plugin;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** The platform's live list of plugins; provided by the core. */
@ProviderType
public interface PluginRegistry {

    /** @return all plugins known since start, active first, each ordered by id */
    List<PluginInfo> plugins();

    /**
     * @param id plugin id
     * @return the plugin with that id, if known
     */
    Optional<PluginInfo> plugin(String id);

    /**
     * Runs every active plugin's health check (guarded by a timeout) and combines the results.
     *
     * @return the platform's current health
     */
    HealthReport health();
}
