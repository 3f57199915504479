package org.alexandria.crash.internal;

import java.util.Set;
import org.alexandria.api.plugin.AlexandriaPlugin;
import org.alexandria.api.plugin.PluginDescriptor;
import org.alexandria.api.plugin.PluginHealth;
import org.alexandria.crash.internal.service.CrashAnalyzerService;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The crash analyzer as a platform plugin: healthy while its tables answer and every open group is indexed. */
@Component(service = AlexandriaPlugin.class)
public final class CrashPlugin implements AlexandriaPlugin {

    private final CrashAnalyzerService service;
    private final PluginDescriptor descriptor;

    /**
     * @param context for the bundle version
     * @param service the analyzer
     */
    @Activate
    public CrashPlugin(BundleContext context, @Reference CrashAnalyzerService service) {
        this(context.getBundle().getVersion().toString(), service);
    }

    CrashPlugin(String version, CrashAnalyzerService service) {
        this.service = service;
        this.descriptor = new PluginDescriptor(CrashAnalyzerService.PLUGIN_ID, "Crash analyzer", version,
                Set.of("rest", "events", "crash-grouping", "crash-matching"));
    }

    @Override
    public PluginDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public PluginHealth health() {
        try {
            service.databaseReachable();
        } catch (RuntimeException e) {
            return PluginHealth.down("crash tables unreachable: " + e.getMessage());
        }
        int unreadable = service.unreadableGroups();
        if (unreadable > 0) {
            return PluginHealth.degraded(unreadable + " crash groups are left out of matching (unreadable trace); "
                    + service.indexedGroups() + " indexed");
        }
        return PluginHealth.up();
    }
}
