package org.alexandria.kb.internal;

import java.util.Set;
import org.alexandria.api.plugin.AlexandriaPlugin;
import org.alexandria.api.plugin.PluginDescriptor;
import org.alexandria.api.plugin.PluginHealth;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The knowledge-base plugin as the platform sees it: its descriptor and health (database and index). */
@Component(service = AlexandriaPlugin.class)
public final class KnowledgeBasePlugin implements AlexandriaPlugin {

    private final KnowledgeBaseService service;
    private final PluginDescriptor descriptor;

    /**
     * @param context the bundle, for its version
     * @param service the knowledge base
     */
    @Activate
    public KnowledgeBasePlugin(BundleContext context, @Reference KnowledgeBaseService service) {
        this(context.getBundle().getVersion().toString(), service);
    }

    KnowledgeBasePlugin(String version, KnowledgeBaseService service) {
        this.service = service;
        this.descriptor = new PluginDescriptor(KnowledgeBaseService.PLUGIN_ID, "Knowledge base", version,
                Set.of("rest", "events", "search", "kb-suggest", "console"));
    }

    @Override
    public PluginDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public PluginHealth health() {
        return service.health();
    }
}
