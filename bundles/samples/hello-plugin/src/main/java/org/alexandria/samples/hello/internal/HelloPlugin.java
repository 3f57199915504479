package org.alexandria.samples.hello.internal;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.alexandria.api.event.AlexandriaEvent;
import org.alexandria.api.event.EventSubscriber;
import org.alexandria.api.event.Topics;
import org.alexandria.api.plugin.AlexandriaPlugin;
import org.alexandria.api.plugin.PluginDescriptor;
import org.alexandria.api.plugin.PluginHealth;
import org.jspecify.annotations.Nullable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * The plugin itself: describes itself to the platform and counts the plugin events it hears. One
 * component can be both the plugin and a subscriber; {@link HelloResource} reads its state.
 */
@Component(service = {AlexandriaPlugin.class, EventSubscriber.class, HelloPlugin.class},
        property = EventSubscriber.TOPICS + "=" + Topics.PLUGIN_ALL)
public final class HelloPlugin implements AlexandriaPlugin, EventSubscriber {

    /** The plugin's id. */
    public static final String ID = "sample-hello";

    private final PluginDescriptor descriptor;
    private final AtomicLong eventsSeen = new AtomicLong();
    private final AtomicReference<@Nullable String> lastTopic = new AtomicReference<>();

    /** @param context the bundle context, for the bundle version */
    @Activate
    public HelloPlugin(BundleContext context) {
        this(context.getBundle().getVersion());
    }

    HelloPlugin(Version version) {
        this.descriptor = new PluginDescriptor(ID, "Hello sample", version.toString(), Set.of("rest", "events"));
    }

    @Override
    public PluginDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public PluginHealth health() {
        return PluginHealth.up();
    }

    @Override
    public void onEvent(AlexandriaEvent event) {
        eventsSeen.incrementAndGet();
        lastTopic.set(event.topic());
    }

    /**
     * @param caller the user being greeted
     * @return the greeting with what the plugin has seen so far
     */
    Greeting greet(String caller) {
        return new Greeting("Hello, " + caller + "!", eventsSeen.get(), lastTopic.get(), Instant.now());
    }

    /**
     * @param message   the greeting
     * @param eventsSeen plugin events received since the plugin started
     * @param lastTopic  topic of the last of them
     * @param time       server time
     */
    public record Greeting(String message, long eventsSeen, @Nullable String lastTopic, Instant time) {
    }
}
