package org.alexandria.core.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import javax.sql.DataSource;
import org.alexandria.api.plugin.AlexandriaPlugin;
import org.alexandria.api.plugin.PluginDescriptor;
import org.alexandria.api.plugin.PluginHealth;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The core registers itself like any plugin, so the platform's health includes the database: the core
 * is DOWN when no connection to the platform database can be had.
 */
@Component(service = AlexandriaPlugin.class)
public final class CorePlugin implements AlexandriaPlugin {

    /** The core's plugin id. */
    public static final String ID = "core";
    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

    private final DataSource dataSource;
    private final PluginDescriptor descriptor;

    /**
     * @param dataSource the platform database
     * @param context    for the bundle version
     */
    @Activate
    public CorePlugin(@Reference(target = "(osgi.jndi.service.name=alexandria)") DataSource dataSource, BundleContext context) {
        this(dataSource, context.getBundle().getVersion().toString());
    }

    CorePlugin(DataSource dataSource, String version) {
        this.dataSource = dataSource;
        this.descriptor = new PluginDescriptor(ID, "Alexandria core", version,
                Set.of("plugin-registry", "events", "audit", "persistence", "api-tokens"));
    }

    @Override
    public PluginDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public PluginHealth health() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(VALIDATION_TIMEOUT_SECONDS) ? PluginHealth.up()
                    : PluginHealth.down("database connection is not valid");
        } catch (SQLException e) {
            return PluginHealth.down("database unreachable: " + e.getMessage());
        }
    }
}
