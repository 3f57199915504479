package org.alexandria.ui.internal;

import java.util.Set;
import org.alexandria.api.plugin.AlexandriaPlugin;
import org.alexandria.api.plugin.PluginDescriptor;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/** The web UI as the platform's plugin registry lists it, so admins see it next to the other plugins. */
@Component(service = AlexandriaPlugin.class)
public final class UiPlugin implements AlexandriaPlugin {

    /** Plugin id. */
    static final String ID = "ui";

    private final PluginDescriptor descriptor;

    /** @param context the bundle, for its version */
    @Activate
    public UiPlugin(BundleContext context) {
        this.descriptor = new PluginDescriptor(ID, "Agents' web UI", context.getBundle().getVersion().toString(),
                Set.of("web-ui"));
    }

    @Override
    public PluginDescriptor descriptor() {
        return descriptor;
    }
}
