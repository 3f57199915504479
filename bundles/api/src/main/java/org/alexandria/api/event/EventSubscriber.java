package org.alexandria.api.event;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Register as an OSGi service with the {@link #TOPICS} property to receive events (whiteboard pattern).
 *
 * <pre>{@code
 * @Component(property = EventSubscriber.TOPICS + "=" + Topics.PLUGIN_ALL)
 * public class MySubscriber implements EventSubscriber { ... }
 * }</pre>
 *
 * <p>Each subscriber gets its own delivery queue: events arrive in publishing order, one at a time, on a
 * platform thread. An exception is counted and logged with the subscriber's bundle, then the next event
 * is delivered. A subscriber that falls far behind loses the oldest undelivered events (counted as failed).
 */
@ConsumerType
public interface EventSubscriber {

    /** Service property: the topics (EventAdmin syntax, {@code *} wildcard at the end) to receive. */
    String TOPICS = "alexandria.event.topics";

    /**
     * @param event the event
     * @throws Exception any failure; it is isolated from publishers and other subscribers
     */
    void onEvent(AlexandriaEvent event) throws Exception;
}
