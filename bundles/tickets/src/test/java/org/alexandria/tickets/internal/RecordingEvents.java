package org.alexandria.tickets.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.alexandria.api.event.AlexandriaEvent;
import org.alexandria.api.event.EventBus;

/** An event bus that keeps what is published in memory. */
public final class RecordingEvents implements EventBus {

    public final List<AlexandriaEvent> published = new CopyOnWriteArrayList<>();

    @Override
    public AlexandriaEvent publish(String topic, String source, Object payload) {
        AlexandriaEvent event = new AlexandriaEvent(UUID.randomUUID().toString(), topic, Instant.now(), source, payload);
        published.add(event);
        return event;
    }

    public List<String> topics() {
        return published.stream().map(AlexandriaEvent::topic).toList();
    }
}
