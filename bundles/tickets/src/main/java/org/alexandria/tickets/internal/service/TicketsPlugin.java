package org.alexandria.tickets.internal.service;

import java.util.Set;
import org.alexandria.api.plugin.AlexandriaPlugin;
import org.alexandria.api.plugin.PluginDescriptor;
import org.alexandria.api.plugin.PluginHealth;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The tickets plugin as the platform's registry sees it; healthy while its tables answer. */
@Component(service = AlexandriaPlugin.class)
public final class TicketsPlugin implements AlexandriaPlugin {

    private final PluginDescriptor descriptor;
    private final TicketService tickets;

    /**
     * @param context the bundle context, for the version
     * @param tickets the ticket service
     */
    @Activate
    public TicketsPlugin(BundleContext context, @Reference TicketService tickets) {
        this.descriptor = new PluginDescriptor(TicketService.PLUGIN_ID, "Tickets",
                context.getBundle().getVersion().toString(), Set.of("rest", "events", "console", "tickets"));
        this.tickets = tickets;
    }

    @Override
    public PluginDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public PluginHealth health() {
        long count = tickets.count();
        return new PluginHealth(org.alexandria.api.plugin.HealthStatus.UP, count + " tickets");
    }
}
