package org.alexandria.workflow.resolution.internal.route;

import java.util.function.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.AggregationStrategies;
import org.apache.camel.builder.RouteBuilder;
import org.alexandria.workflow.resolution.internal.service.ResolutionJob;
import org.alexandria.workflow.resolution.internal.service.ResolutionSteps;
import org.alexandria.workflow.resolution.internal.service.Sweeper;
import org.alexandria.workflow.resolution.internal.store.ResolutionStore.SweepCursor;

/**
 * The ticket-to-resolution workflow as Camel routes. Admins see them with {@code camel:route-list} and
 * {@code camel:route-info ticket-to-resolution}.
 *
 * <pre>
 * ticket events ─┐
 * sweep ─────────┼─▶ seda:resolution ─▶ [ticket-to-resolution] load ▶ correlate ▶ link ▶ problem ▶ articles ▶ propose
 * decisions ─────┘
 * crash events ─▶ [resolution-crash-activity] at most every 10 s ▶ recent unlinked tickets ▶ seda:resolution
 * timer ─▶ [resolution-sweep] missed ticket changes ▶ run each ▶ store cursor; waiting tickets ▶ seda:resolution
 * timer ─▶ [resolution-audited] every second, audited marks that no proposal carried yet
 * </pre>
 */
public final class ResolutionRoutes extends RouteBuilder {

    /** Where runs queue; events, decisions and the sweep send {@link ResolutionJob}s here. */
    public static final String QUEUE = "seda:resolution";
    /** Where crash group events are sent (the group id as body). */
    public static final String CRASH_ACTIVITY = "seda:resolution-crash-activity";
    /** Where a returning plugin asks for the tickets that waited for it. */
    public static final String RETRY_WAITING = "seda:resolution-retry-waiting";
    private static final String RESOLVE = "direct:resolve";
    private static final String CURSOR = "alexandriaSweepCursor";
    private static final String TICKET = "alexandriaTicket";

    private final ResolutionSteps steps;
    private final Sweeper sweeper;
    private final int consumers;
    private final int redeliveries;
    private final long sweepMs;
    private final Consumer<String> finished;

    /**
     * @param steps        the workflow's steps
     * @param sweeper      finds missed and waiting tickets
     * @param consumers    tickets processed in parallel
     * @param redeliveries retries of a failing step
     * @param sweepMs      period of the catch-up sweep
     * @param finished     told the ticket id when a run ends, whatever its outcome
     */
    public ResolutionRoutes(ResolutionSteps steps, Sweeper sweeper, int consumers, int redeliveries, long sweepMs,
            Consumer<String> finished) {
        this.steps = steps;
        this.sweeper = sweeper;
        this.consumers = consumers;
        this.redeliveries = redeliveries;
        this.sweepMs = sweepMs;
        this.finished = finished;
    }

    @Override
    public void configure() {
        // a failing step (a plugin's database away, a service leaving mid-call) is retried with back-off
        errorHandler(defaultErrorHandler().maximumRedeliveries(redeliveries).redeliveryDelay(200)
                .useExponentialBackOff().backOffMultiplier(3).retryAttemptedLogLevel(LoggingLevel.DEBUG)
                .logExhausted(false));

        from(QUEUE + "?concurrentConsumers=" + consumers + "&size=100000&blockWhenFull=true")
                .routeId("resolution-queue")
                .to(RESOLVE);

        from(RESOLVE).routeId("ticket-to-resolution")
                .onException(Exception.class)
                    .maximumRedeliveries(redeliveries).redeliveryDelay(200).useExponentialBackOff().backOffMultiplier(3)
                    .handled(true)
                    .process(e -> steps.failed(e.getIn().getBody(ResolutionJob.class),
                            e.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class)))
                .end()
                .onCompletion()
                    .process(e -> finished.accept(e.getProperty(TICKET, String.class)))
                .end()
                .setProperty(TICKET, simple("${body.ticketId}"))
                .bean(steps, "load")
                .filter(e -> !e.getIn().getBody(ResolutionJob.class).isSkipped())
                    .bean(steps, "correlate")
                    .bean(steps, "link")
                    .bean(steps, "problem")
                    .bean(steps, "articles")
                    .bean(steps, "propose")
                .end();

        from("timer:resolution-sweep?delay=2000&period=" + sweepMs).routeId("resolution-sweep")
                .bean(sweeper, "changes")
                .setProperty(CURSOR, simple("${body.cursor}"))
                .split(simple("${body.jobs}"))
                    .to(RESOLVE)
                .end()
                .process(e -> sweeper.advance(e.getProperty(CURSOR, SweepCursor.class)))
                .to(RETRY_WAITING);

        from("timer:resolution-audited?delay=1000&period=1000").routeId("resolution-audited")
                .bean(steps, "flushAudited");

        from(RETRY_WAITING).routeId("resolution-retry-waiting")
                .bean(sweeper, "waiting")
                .split(body())
                    .to(QUEUE)
                .end();

        from(CRASH_ACTIVITY).routeId("resolution-crash-activity")
                // a flood of crash reports re-checks the unlinked tickets at most once per 10 s
                .aggregate(constant(true), AggregationStrategies.useLatest()).completionInterval(10_000)
                    .bean(sweeper, "unlinkedRecent")
                    .split(body())
                        .to(QUEUE)
                    .end()
                .end();
    }
}
