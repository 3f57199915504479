package org.alexandria.api.event;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One event as delivered to subscribers.
 *
 * @param id      unique id of this event (UUID)
 * @param topic   the topic, one of {@link Topics} or a plugin's own ({@code alexandria/<area>/<CHANGE>})
 * @param time    when it was published
 * @param source  who published it, usually a plugin id or {@code core}
 * @param payload the typed payload, e.g. a {@link PluginEvent}; immutable by convention
 */
public record AlexandriaEvent(String id, String topic, Instant time, String source, Object payload) {

    /** Requires every field. */
    public AlexandriaEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(payload, "payload");
    }

    /**
     * @param type the expected payload type
     * @param <T>  the payload type
     * @return the payload if it is of that type
     */
    public <T> Optional<T> payloadAs(Class<T> type) {
        return type.isInstance(payload) ? Optional.of(type.cast(payload)) : Optional.empty();
    }
}
