package org.alexandria.core.internal.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.prometheus.client.CollectorRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.alexandria.api.event.AlexandriaEvent;
import org.alexandria.api.event.EntityChange;
import org.alexandria.api.event.EventBus;
import org.alexandria.api.event.EventSubscriber;
import org.alexandria.api.event.Topics;
import org.alexandria.core.internal.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * {@link EventBusImpl} with an EventAdmin that hands every posted event straight back to the bus, as the
 * real EventAdmin does (on its own thread) for the bus's {@code alexandria/*} handler registration.
 *
 * <p>Deliveries are asynchronous. To know that a subscriber has seen everything published before, a test
 * publishes a marker event on {@link #SYNC} (every test subscriber listens to it) and waits for it: each
 * subscriber's queue delivers in publishing order, and counts a delivery before taking the next one.
 */
class EventBusImplTest {

    private static final String SYNC = "alexandria/test/SYNC";
    private static final long WAIT_SECONDS = 10;

    private final TestClock clock = new TestClock();
    private final CollectorRegistry registry = new CollectorRegistry();
    private final List<Event> posted = new CopyOnWriteArrayList<>();
    private final List<CountDownLatch> toRelease = new CopyOnWriteArrayList<>();
    private EventBusImpl bus;

    @BeforeEach
    void createBus() {
        bus = newBus(100);
    }

    private EventBusImpl newBus(int capacity) {
        EventBusImpl[] self = new EventBusImpl[1];
        EventAdmin eventAdmin = new EventAdmin() {
            @Override
            public void postEvent(Event event) {
                posted.add(event);
                self[0].handleEvent(event);
            }

            @Override
            public void sendEvent(Event event) {
                postEvent(event);
            }
        };
        self[0] = new EventBusImpl(eventAdmin, capacity, clock, registry);
        return self[0];
    }

    @AfterEach
    void stopBus() {
        toRelease.forEach(CountDownLatch::countDown);
        bus.deactivate();
    }

    // ---------------------------------------------------------------- helpers

    /** Records what it receives; can be told to block or throw per event. */
    private static class Recorder implements EventSubscriber {
        final List<AlexandriaEvent> received = new CopyOnWriteArrayList<>();
        private final BlockingQueue<AlexandriaEvent> arrivals = new LinkedBlockingQueue<>();

        @Override
        public void onEvent(AlexandriaEvent event) throws Exception {
            received.add(event);
            arrivals.add(event);
        }

        /** Waits until the given event has arrived (everything published before it to this subscriber has, too). */
        void awaitArrival(AlexandriaEvent event) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            while (true) {
                AlexandriaEvent next = arrivals.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (next == null) {
                    fail("event " + event.topic() + " " + event.id() + " not delivered within " + WAIT_SECONDS + " s; got " + received);
                }
                if (next.id().equals(event.id())) {
                    return;
                }
            }
        }

        /** Topics received, without the test's markers. */
        List<String> topics() {
            return received.stream().map(AlexandriaEvent::topic).filter(t -> !t.equals(SYNC)).toList();
        }
    }

    @SuppressWarnings("unchecked")
    private static ServiceReference<EventSubscriber> reference(Object topics, String bundleName) {
        ServiceReference<EventSubscriber> ref = mock(ServiceReference.class);
        Bundle bundle = mock(Bundle.class);
        when(bundle.getSymbolicName()).thenReturn(bundleName);
        when(ref.getBundle()).thenReturn(bundle);
        when(ref.getProperty(EventSubscriber.TOPICS)).thenReturn(topics);
        return ref;
    }

    private ServiceReference<EventSubscriber> subscribe(EventSubscriber subscriber, String... topics) {
        String[] withSync = new String[topics.length + 1];
        System.arraycopy(topics, 0, withSync, 0, topics.length);
        withSync[topics.length] = SYNC;
        ServiceReference<EventSubscriber> ref = reference(withSync, "org.example.subscriber");
        bus.addSubscriber(subscriber, ref);
        return ref;
    }

    private AlexandriaEvent publish(String topic) {
        return bus.publish(topic, "test", new EntityChange("ticket", "T-1", topic));
    }

    /** Publishes a marker and waits until every given recorder has it. */
    private void sync(Recorder... recorders) throws InterruptedException {
        AlexandriaEvent marker = publish(SYNC);
        for (Recorder recorder : recorders) {
            recorder.awaitArrival(marker);
        }
    }

    private double count(String counter, String topic) {
        Double value = registry.getSampleValue(counter, new String[] {"topic"}, new String[] {topic});
        return value == null ? 0 : value;
    }

    private double published(String topic) {
        return count("alexandria_events_published_total", topic);
    }

    private double delivered(String topic) {
        return count("alexandria_events_delivered_total", topic);
    }

    private double failed(String topic) {
        return count("alexandria_events_failed_total", topic);
    }

    private CountDownLatch latch() {
        CountDownLatch latch = new CountDownLatch(1);
        toRelease.add(latch);
        return latch;
    }

    // ---------------------------------------------------------------- tests

    @Test
    void publishReturnsTheEventAndPostsItOnEventAdmin() {
        EntityChange payload = new EntityChange("ticket", "T-7", "created");

        AlexandriaEvent event = bus.publish(Topics.TICKET_CREATED, "tickets", payload);

        assertThat(event.id()).isNotBlank();
        assertThat(event.topic()).isEqualTo(Topics.TICKET_CREATED);
        assertThat(event.source()).isEqualTo("tickets");
        assertThat(event.time()).isEqualTo(clock.instant());
        assertThat(event.payload()).isSameAs(payload);
        assertThat(posted).singleElement().satisfies(e -> {
            assertThat(e.getTopic()).isEqualTo(Topics.TICKET_CREATED);
            assertThat(e.getProperty(EventBus.EVENT_PROPERTY)).isEqualTo(event);
        });
        assertThat(bus.publish(Topics.TICKET_CREATED, "tickets", payload).id()).isNotEqualTo(event.id());
    }

    @Test
    void exactTopicReachesOnlyThatTopic() throws Exception {
        Recorder recorder = new Recorder();
        subscribe(recorder, Topics.TICKET_CREATED);

        publish(Topics.TICKET_CREATED);
        publish(Topics.TICKET_UPDATED);
        publish("alexandria/ticket/CREATED/more");
        publish("alexandria/ticket");
        sync(recorder);

        assertThat(recorder.topics()).containsExactly(Topics.TICKET_CREATED);
    }

    @Test
    void wildcardTopicReachesTheWholeSubtree() throws Exception {
        Recorder plugins = new Recorder();
        Recorder everything = new Recorder();
        subscribe(plugins, Topics.PLUGIN_ALL);
        subscribe(everything, Topics.ALL);

        publish(Topics.PLUGIN_ADDED);
        publish(Topics.AUDIT_APPENDED);
        publish("alexandria/plugin/sub/DEEP");
        publish("alexandria/plugins/NOT_A_PLUGIN_TOPIC");
        publish("alexandria/plugin");
        sync(plugins, everything);

        assertThat(plugins.topics()).containsExactly(Topics.PLUGIN_ADDED, "alexandria/plugin/sub/DEEP");
        assertThat(everything.topics()).containsExactly(Topics.PLUGIN_ADDED, Topics.AUDIT_APPENDED,
                "alexandria/plugin/sub/DEEP", "alexandria/plugins/NOT_A_PLUGIN_TOPIC", "alexandria/plugin");
    }

    @Test
    void starAloneReachesEverything() throws Exception {
        Recorder recorder = new Recorder();
        subscribe(recorder, "*");

        publish(Topics.PLUGIN_ADDED);
        publish("alexandria/x");
        sync(recorder);

        assertThat(recorder.topics()).containsExactly(Topics.PLUGIN_ADDED, "alexandria/x");
    }

    @Test
    void eachSubscriberGetsOnlyItsTopicsInPublishingOrder() throws Exception {
        Recorder tickets = new Recorder();
        Recorder crashes = new Recorder();
        Recorder both = new Recorder();
        subscribe(tickets, "alexandria/ticket/*");
        subscribe(crashes, Topics.CRASH_REPORT_RECEIVED, Topics.CRASH_GROUP_CREATED);
        subscribe(both, "alexandria/ticket/*", "alexandria/crash/*");

        List<String> order = List.of(Topics.TICKET_CREATED, Topics.CRASH_REPORT_RECEIVED, Topics.TICKET_UPDATED,
                Topics.CRASH_GROUP_UPDATED, Topics.CRASH_GROUP_CREATED, Topics.KB_ARTICLE_CHANGED);
        for (int round = 0; round < 20; round++) {
            order.forEach(this::publish);
        }
        sync(tickets, crashes, both);

        List<String> expectedTickets = new ArrayList<>();
        List<String> expectedCrashes = new ArrayList<>();
        List<String> expectedBoth = new ArrayList<>();
        for (int round = 0; round < 20; round++) {
            expectedTickets.addAll(List.of(Topics.TICKET_CREATED, Topics.TICKET_UPDATED));
            expectedCrashes.addAll(List.of(Topics.CRASH_REPORT_RECEIVED, Topics.CRASH_GROUP_CREATED));
            expectedBoth.addAll(order.subList(0, 5));
        }
        assertThat(tickets.topics()).containsExactlyElementsOf(expectedTickets);
        assertThat(crashes.topics()).containsExactlyElementsOf(expectedCrashes);
        assertThat(both.topics()).containsExactlyElementsOf(expectedBoth);
    }

    @Test
    void subscriberGetsTheEventAsPublished() throws Exception {
        Recorder recorder = new Recorder();
        subscribe(recorder, Topics.TICKET_CREATED);

        AlexandriaEvent event = publish(Topics.TICKET_CREATED);
        recorder.awaitArrival(event);

        assertThat(recorder.received).containsExactly(event);
    }

    @Test
    void topicsPropertyMayBeAStringOrACollection() throws Exception {
        Recorder single = new Recorder();
        Recorder collection = new Recorder();
        Recorder none = new Recorder();
        bus.addSubscriber(single, reference(Topics.TICKET_CREATED, "a"));
        bus.addSubscriber(collection, reference(List.of(Topics.TICKET_UPDATED, SYNC), "b"));
        bus.addSubscriber(none, reference(null, "c"));

        publish(Topics.TICKET_CREATED);
        AlexandriaEvent updated = publish(Topics.TICKET_UPDATED);
        collection.awaitArrival(updated);
        AlexandriaEvent created = publish(Topics.TICKET_CREATED);
        single.awaitArrival(created);

        assertThat(single.topics()).containsExactly(Topics.TICKET_CREATED, Topics.TICKET_CREATED);
        assertThat(collection.topics()).containsExactly(Topics.TICKET_UPDATED);
        sync(collection);
        assertThat(none.received).isEmpty();
    }

    @Test
    void removedSubscriberGetsNothingMore() throws Exception {
        Recorder stays = new Recorder();
        Recorder leaves = new Recorder();
        subscribe(stays, Topics.TICKET_CREATED);
        ServiceReference<EventSubscriber> ref = subscribe(leaves, Topics.TICKET_CREATED);
        publish(Topics.TICKET_CREATED);
        sync(stays, leaves);

        bus.removeSubscriber(leaves, ref);
        publish(Topics.TICKET_CREATED);
        sync(stays);

        assertThat(stays.topics()).hasSize(2);
        assertThat(leaves.topics()).hasSize(1);
    }

    @Test
    void blockedSubscriberBlocksNeitherPublisherNorOtherSubscribers() throws Exception {
        CountDownLatch never = latch();
        CountDownLatch blocked = new CountDownLatch(1);
        subscribe(event -> {
            blocked.countDown();
            never.await();
        }, Topics.TICKET_CREATED);
        Recorder healthy = new Recorder();
        subscribe(healthy, Topics.TICKET_CREATED);

        AlexandriaEvent first = publish(Topics.TICKET_CREATED);
        assertThat(blocked.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("stuck subscriber got the first event").isTrue();
        List<AlexandriaEvent> more = assertTimeoutPreemptively(Duration.ofSeconds(WAIT_SECONDS), () -> {
            List<AlexandriaEvent> events = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                events.add(publish(Topics.TICKET_CREATED));
            }
            return events;
        }, "publish() waited for a stuck subscriber");
        healthy.awaitArrival(more.get(more.size() - 1));

        assertThat(healthy.received).startsWith(first).containsAll(more).hasSize(51);
        assertThat(published(Topics.TICKET_CREATED)).isEqualTo(51);
    }

    @Test
    void throwingSubscriberKeepsGettingLaterEventsAndFailuresAreCounted() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Recorder afterwards = new Recorder() {
            @Override
            public void onEvent(AlexandriaEvent event) throws Exception {
                super.onEvent(event);
                if (event.topic().equals(Topics.TICKET_CREATED) && calls.incrementAndGet() % 2 == 1) {
                    throw new IllegalStateException("odd events fail");
                }
            }
        };
        subscribe(afterwards, Topics.TICKET_CREATED);
        Recorder other = new Recorder();
        subscribe(other, Topics.TICKET_CREATED);

        for (int i = 0; i < 5; i++) {
            publish(Topics.TICKET_CREATED);
        }
        sync(afterwards, other);

        assertThat(afterwards.topics()).hasSize(5);
        assertThat(other.topics()).hasSize(5);
        assertThat(failed(Topics.TICKET_CREATED)).isEqualTo(3); // events 1, 3, 5 of the throwing subscriber
        assertThat(delivered(Topics.TICKET_CREATED)).isEqualTo(2 + 5);
        assertThat(published(Topics.TICKET_CREATED)).isEqualTo(5);
    }

    @Test
    void linkageErrorInSubscriberIsContainedToo() throws Exception {
        Recorder recorder = new Recorder() {
            @Override
            public void onEvent(AlexandriaEvent event) throws Exception {
                super.onEvent(event);
                if (event.topic().equals(Topics.TICKET_CREATED)) {
                    throw new NoClassDefFoundError("org/example/Gone");
                }
            }
        };
        subscribe(recorder, Topics.TICKET_CREATED, Topics.TICKET_UPDATED);

        publish(Topics.TICKET_CREATED);
        publish(Topics.TICKET_UPDATED);
        sync(recorder);

        assertThat(recorder.topics()).containsExactly(Topics.TICKET_CREATED, Topics.TICKET_UPDATED);
        assertThat(failed(Topics.TICKET_CREATED)).isEqualTo(1);
        assertThat(delivered(Topics.TICKET_UPDATED)).isEqualTo(1);
    }

    @Test
    void countersCountPerTopic() throws Exception {
        Recorder a = new Recorder();
        Recorder b = new Recorder();
        subscribe(a, "alexandria/ticket/*");
        subscribe(b, Topics.TICKET_CREATED);

        publish(Topics.TICKET_CREATED);
        publish(Topics.TICKET_CREATED);
        publish(Topics.TICKET_UPDATED);
        publish(Topics.KB_ARTICLE_CHANGED); // nobody listens
        sync(a, b);

        assertThat(published(Topics.TICKET_CREATED)).isEqualTo(2);
        assertThat(published(Topics.TICKET_UPDATED)).isEqualTo(1);
        assertThat(published(Topics.KB_ARTICLE_CHANGED)).isEqualTo(1);
        assertThat(delivered(Topics.TICKET_CREATED)).isEqualTo(4); // 2 events x 2 subscribers
        assertThat(delivered(Topics.TICKET_UPDATED)).isEqualTo(1);
        assertThat(delivered(Topics.KB_ARTICLE_CHANGED)).isZero();
        assertThat(failed(Topics.TICKET_CREATED)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "bad topic!", "alexandria/bad topic!", "alexandria/*", "/alexandria/ticket", "alexandria/ticket/",
            "alexandria//ticket", "alexandria/tick et", "*", "alexandria", "other/ticket/CREATED", "alexandriax/ticket",
            "Alexandria/ticket/CREATED"})
    void invalidTopicIsRefusedAndNothingIsPosted(String topic) {
        Recorder recorder = new Recorder();
        subscribe(recorder, "*");

        assertThatThrownBy(() -> publish(topic)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("topic");

        assertThat(posted).isEmpty();
        assertThat(published(topic)).isZero();
    }

    @Test
    void fullQueueDropsTheOldestWaitingEventAndCountsItFailed() throws Exception {
        bus.deactivate();
        bus = newBus(1);
        CountDownLatch release = latch();
        CountDownLatch busy = new CountDownLatch(1);
        Recorder slow = new Recorder() {
            @Override
            public void onEvent(AlexandriaEvent event) throws Exception {
                super.onEvent(event);
                busy.countDown();
                release.await();
            }
        };
        subscribe(slow, Topics.TICKET_CREATED, Topics.TICKET_UPDATED);

        AlexandriaEvent running = publish(Topics.TICKET_CREATED);
        assertThat(busy.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        publish(Topics.TICKET_CREATED); // waits in the queue (capacity 1) ...
        publish(Topics.TICKET_UPDATED); // ... dropped for this one ...
        AlexandriaEvent last = publish(Topics.TICKET_UPDATED); // ... dropped for this one

        assertThat(failed(Topics.TICKET_CREATED)).isEqualTo(1);
        assertThat(failed(Topics.TICKET_UPDATED)).isEqualTo(1);
        release.countDown();
        slow.awaitArrival(last);
        assertThat(slow.received).containsExactly(running, last);
        assertThat(published(Topics.TICKET_CREATED)).isEqualTo(2);
        assertThat(published(Topics.TICKET_UPDATED)).isEqualTo(2);
    }

    @Test
    void foreignEventAdminEventsAreIgnored() throws Exception {
        Recorder recorder = new Recorder();
        subscribe(recorder, "*");

        bus.handleEvent(new Event("alexandria/ticket/CREATED", Map.of("something", "else")));
        bus.handleEvent(new Event("alexandria/ticket/CREATED", Map.of(EventBus.EVENT_PROPERTY, "not an event")));
        sync(recorder);

        assertThat(recorder.topics()).isEmpty();
    }

    @Test
    void deactivateStopsDeliveriesAndUnregistersTheCounters() throws Exception {
        CountDownLatch never = latch();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        subscribe(event -> {
            started.countDown();
            try {
                never.await();
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
        }, Topics.TICKET_CREATED);
        publish(Topics.TICKET_CREATED);
        assertThat(started.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();

        bus.deactivate();

        assertThat(interrupted.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("stuck delivery thread interrupted").isTrue();
        assertThat(registry.getSampleValue("alexandria_events_published_total", new String[] {"topic"},
                new String[] {Topics.TICKET_CREATED})).isNull();
        // the same registry takes a new bus's counters (they were unregistered, not left behind)
        bus = newBus(10);
        assertThat(published(Topics.TICKET_CREATED)).isZero();
    }

    @Test
    void timeComesFromTheClock() {
        Instant later = clock.advance(Duration.ofHours(1));

        assertThat(publish(Topics.TICKET_CREATED).time()).isEqualTo(later);
    }
}
