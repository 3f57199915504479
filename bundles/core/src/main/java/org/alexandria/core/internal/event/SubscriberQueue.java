package org.alexandria.core.internal.event;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.alexandria.api.event.AlexandriaEvent;
import org.alexandria.api.event.EventSubscriber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subscriber's delivery line: its own thread and bounded queue, so the subscriber sees events in
 * order and a slow or failing subscriber harms nobody else. When the queue is full the oldest waiting
 * event is dropped and counted as failed.
 */
final class SubscriberQueue {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriberQueue.class);

    private final EventSubscriber subscriber;
    private final String bundle;
    private final TopicMatcher topics;
    private final EventMetrics metrics;
    private final ThreadPoolExecutor executor;

    SubscriberQueue(EventSubscriber subscriber, String bundle, TopicMatcher topics, int capacity, EventMetrics metrics) {
        this.subscriber = subscriber;
        this.bundle = bundle;
        this.topics = topics;
        this.metrics = metrics;
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(capacity),
                runnable -> {
                    Thread thread = new Thread(runnable, "alexandria-events-" + bundle);
                    thread.setDaemon(true);
                    return thread;
                }, this::dropOldest);
    }

    boolean wants(String topic) {
        return topics.matches(topic);
    }

    void offer(AlexandriaEvent event) {
        executor.execute(new Delivery(event));
    }

    void close() {
        executor.shutdownNow();
    }

    private void dropOldest(Runnable rejected, ThreadPoolExecutor pool) {
        if (pool.isShutdown()) {
            return;
        }
        Runnable oldest = pool.getQueue().poll();
        if (oldest instanceof Delivery dropped) {
            metrics.failed.labels(dropped.event.topic()).inc();
            LOG.warn("Subscriber in bundle {} fell behind; dropped event {} on {}", bundle, dropped.event.id(),
                    dropped.event.topic());
        }
        pool.execute(rejected);
    }

    private final class Delivery implements Runnable {
        private final AlexandriaEvent event;

        Delivery(AlexandriaEvent event) {
            this.event = event;
        }

        @Override
        public void run() {
            try {
                subscriber.onEvent(event);
                metrics.delivered.labels(event.topic()).inc();
            } catch (Exception | LinkageError e) {
                metrics.failed.labels(event.topic()).inc();
                LOG.warn("Subscriber in bundle {} failed on event {} ({}): {}", bundle, event.id(), event.topic(),
                        e.toString(), e);
            }
        }
    }
}
