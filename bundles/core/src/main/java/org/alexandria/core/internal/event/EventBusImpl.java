package org.alexandria.core.internal.event;

import io.prometheus.client.CollectorRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.alexandria.api.event.AlexandriaEvent;
import org.alexandria.api.event.EventBus;
import org.alexandria.api.event.EventSubscriber;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The event bus: publishes on OSGi EventAdmin (asynchronously, {@code postEvent}) and hands every
 * Alexandria event coming back from EventAdmin to the matching subscribers' own queues.
 */
@Component(service = {EventBus.class, EventHandler.class}, configurationPid = EventBusImpl.PID,
        property = EventConstants.EVENT_TOPIC + "=alexandria/*")
@Designate(ocd = EventBusImpl.Config.class)
public final class EventBusImpl implements EventBus, EventHandler {

    static final String PID = "org.alexandria.core.events";

    /** Every bus topic lives under alexandria/, the one prefix the bus listens to on EventAdmin. */
    private static final Pattern TOPIC = Pattern.compile("alexandria(/[A-Za-z0-9_\\-]+)+");

    /** Configuration of the event bus. */
    @ObjectClassDefinition(name = "Alexandria event bus", description = "Delivery of platform events to subscribers.")
    public @interface Config {
        /** @return queue length per subscriber */
        @AttributeDefinition(name = "Queue capacity", description = "Events waiting per subscriber before the oldest is dropped.", min = "1")
        int queueCapacity() default 10_000;
    }

    private final EventAdmin eventAdmin;
    private final Clock clock;
    private final int capacity;
    private final EventMetrics metrics = new EventMetrics();
    private final CollectorRegistry registry;
    private final Map<ServiceReference<?>, SubscriberQueue> queues = new ConcurrentHashMap<>();

    /**
     * @param eventAdmin the transport
     * @param config     configuration
     */
    @Activate
    public EventBusImpl(@Reference EventAdmin eventAdmin, Config config) {
        this(eventAdmin, config.queueCapacity(), Clock.systemUTC(), CollectorRegistry.defaultRegistry);
    }

    EventBusImpl(EventAdmin eventAdmin, int capacity, Clock clock, CollectorRegistry registry) {
        this.eventAdmin = eventAdmin;
        this.capacity = capacity;
        this.clock = clock;
        this.registry = registry;
        metrics.register(registry);
    }

    @Deactivate
    void deactivate() {
        queues.values().forEach(SubscriberQueue::close);
        queues.clear();
        metrics.unregister(registry);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addSubscriber(EventSubscriber subscriber, ServiceReference<EventSubscriber> ref) {
        List<String> topics = topicsOf(ref.getProperty(EventSubscriber.TOPICS));
        String bundle = ref.getBundle() == null ? "unknown" : ref.getBundle().getSymbolicName();
        SubscriberQueue old = queues.put(ref, new SubscriberQueue(subscriber, bundle, new TopicMatcher(topics),
                capacity, metrics));
        if (old != null) {
            old.close();
        }
    }

    void removeSubscriber(EventSubscriber subscriber, ServiceReference<EventSubscriber> ref) {
        SubscriberQueue queue = queues.remove(ref);
        if (queue != null) {
            queue.close();
        }
    }

    @Override
    public AlexandriaEvent publish(String topic, String source, Object payload) {
        if (!TOPIC.matcher(topic).matches()) {
            throw new IllegalArgumentException("Invalid event topic '" + topic
                    + "': use alexandria/<area>/<CHANGE> with letters, digits, _ and -");
        }
        AlexandriaEvent event = new AlexandriaEvent(UUID.randomUUID().toString(), topic, clock.instant(), source, payload);
        metrics.published.labels(topic).inc();
        eventAdmin.postEvent(new Event(topic, Map.of(EVENT_PROPERTY, event)));
        return event;
    }

    @Override
    public void handleEvent(Event event) {
        if (!(event.getProperty(EVENT_PROPERTY) instanceof AlexandriaEvent alexandriaEvent)) {
            return;
        }
        for (SubscriberQueue queue : queues.values()) {
            if (queue.wants(alexandriaEvent.topic())) {
                queue.offer(alexandriaEvent);
            }
        }
    }

    static List<String> topicsOf(Object property) {
        if (property instanceof String single) {
            return List.of(single);
        }
        if (property instanceof String[] many) {
            return List.of(many);
        }
        if (property instanceof java.util.Collection<?> collection) {
            return collection.stream().map(String::valueOf).toList();
        }
        return List.of();
    }
}
