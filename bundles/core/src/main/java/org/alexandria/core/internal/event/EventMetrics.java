package org.alexandria.core.internal.event;

import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;

/** Counters of events published, delivered to subscribers and failed (thrown or dropped), by topic. */
final class EventMetrics {

    final Counter published = Counter.build("alexandria_events_published_total", "Events published on the event bus.")
            .labelNames("topic").create();
    final Counter delivered = Counter.build("alexandria_events_delivered_total",
            "Events delivered to a subscriber without error.").labelNames("topic").create();
    final Counter failed = Counter.build("alexandria_events_failed_total",
            "Deliveries that threw, or were dropped because the subscriber fell behind.").labelNames("topic").create();

    void register(CollectorRegistry registry) {
        registry.register(published);
        registry.register(delivered);
        registry.register(failed);
    }

    void unregister(CollectorRegistry registry) {
        registry.unregister(published);
        registry.unregister(delivered);
        registry.unregister(failed);
    }
}
