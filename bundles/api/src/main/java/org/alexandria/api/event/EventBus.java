package org.alexandria.api.event;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Publishes events to every {@link EventSubscriber} whose topics match, asynchronously.
 *
 * <p>Publishing never blocks on subscribers: a slow or failing subscriber delays or loses only its own
 * deliveries. Events are also posted on OSGi EventAdmin under the same topic, with the
 * {@link AlexandriaEvent} in the {@link #EVENT_PROPERTY} property, for plain {@code EventHandler}s.
 */
@ProviderType
public interface EventBus {

    /** EventAdmin property that carries the {@link AlexandriaEvent}. */
    String EVENT_PROPERTY = "alexandria.event";

    /**
     * @param topic   topic, slash separated, e.g. {@link Topics#AUDIT_APPENDED}
     * @param source  who publishes (plugin id or {@code core})
     * @param payload immutable payload record
     * @return the event as it will be delivered
     * @throws IllegalArgumentException if the topic is not a valid EventAdmin topic under {@code alexandria/}
     */
    AlexandriaEvent publish(String topic, String source, Object payload);
}
