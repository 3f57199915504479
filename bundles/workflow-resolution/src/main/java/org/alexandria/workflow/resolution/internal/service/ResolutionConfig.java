package org.alexandria.workflow.resolution.internal.service;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the ticket-to-resolution workflow, PID {@value #PID}, file {@code etc/org.alexandria.workflow.resolution.cfg}. */
@ObjectClassDefinition(name = "Alexandria ticket-to-resolution workflow",
        description = "Thresholds and pacing of the workflow that links tickets to crash groups and proposes resolutions.")
public @interface ResolutionConfig {

    /** Configuration PID. */
    String PID = "org.alexandria.workflow.resolution";

    /** @return score from which a ticket is linked to a crash group without asking */
    @AttributeDefinition(name = "Auto-link threshold", description = "Correlation score in [0, 1] from which the ticket is linked to the crash group automatically. Calibrate with alexandria:resolution-calibration.")
    double autoLinkThreshold() default 0.65;

    /** @return score from which a crash group is suggested to the agent */
    @AttributeDefinition(name = "Suggestion threshold", description = "Correlation score in [0, 1] from which the crash group is suggested to the agent; below it nothing is proposed.")
    double suggestThreshold() default 0.30;

    /** @return linked tickets that make a crash group get a problem ticket */
    @AttributeDefinition(name = "Problem ticket after", description = "When this many tickets are linked to one crash group, a problem ticket is created and the tickets become its incidents; 0 turns it off.", min = "0")
    int problemTicketAfter() default 3;

    /** @return articles attached to a proposal */
    @AttributeDefinition(name = "Articles", description = "Knowledge-base articles attached to each proposal.", min = "0", max = "10")
    int articles() default 3;

    /** @return crash groups kept as candidates */
    @AttributeDefinition(name = "Candidates", description = "Crash groups kept as candidates in a proposal.", min = "1", max = "20")
    int candidates() default 5;

    /** @return seconds between catch-up sweeps */
    @AttributeDefinition(name = "Sweep period (s)", description = "How often the workflow reads the tickets' change feed to catch up with changes whose events were lost (a node killed, a plugin away).", min = "1")
    int sweepSeconds() default 30;

    /** @return how far back each sweep re-reads */
    @AttributeDefinition(name = "Sweep overlap (s)", description = "Each sweep re-reads changes this far behind the last one it saw, for transactions that committed late; processing is idempotent.", min = "0")
    int sweepOverlapSeconds() default 30;

    /** @return parallel workflow runs */
    @AttributeDefinition(name = "Consumers", description = "Tickets processed in parallel on this node.", min = "1", max = "16")
    int consumers() default 2;

    /** @return attempts of a failing step */
    @AttributeDefinition(name = "Redeliveries", description = "How often a failing step is retried (exponential back-off) before the ticket is left to the next sweep.", min = "0", max = "10")
    int maximumRedeliveries() default 3;
}
