package org.alexandria.tickets.internal.service;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the tickets plugin, PID {@value #PID}, file {@code etc/org.alexandria.tickets.cfg}. */
@ObjectClassDefinition(name = "Alexandria tickets", description = "Limits and duplicate detection of the tickets plugin.")
public @interface TicketsConfig {

    /** Configuration PID. */
    String PID = "org.alexandria.tickets";

    /** @return largest attachment */
    @AttributeDefinition(name = "Maximum attachment size (bytes)", description = "Larger attachments are refused with 413. The REST edge's maxBodyBytes (org.alexandria.rest) also applies to uploads.", min = "1")
    long maxAttachmentBytes() default 5_242_880;

    /** @return how many possible duplicates a new ticket is answered with */
    @AttributeDefinition(name = "Duplicate candidates on create", description = "How many possible duplicates POST /api/v1/tickets returns; 0 for none.", min = "0", max = "50")
    int duplicateCandidates() default 5;

    /** @return how often new and changed tickets become visible to the duplicate search */
    @AttributeDefinition(name = "Duplicate index refresh (ms)", description = "How often new and changed tickets become visible to the duplicate search, like a search server's refresh interval: a ticket created less than this before another is not among its possible duplicates on create (it is on GET /api/v1/tickets/{key}/duplicates later). 0 makes every search see every ticket created before it, at the cost of one index flush per search under load. Takes effect when the plugin is next activated.", min = "0", max = "60000")
    long duplicateRefreshMillis() default 100;

    /** @return seconds between two SLA breach checks */
    @AttributeDefinition(name = "SLA check period (s)", description = "How often overdue first responses and resolutions are looked for; takes effect when the SLA component is next activated.", min = "1")
    int slaCheckSeconds() default 60;

    /** @return largest import body */
    @AttributeDefinition(name = "Maximum import size (bytes)", description = "Larger imports are refused with 413. The REST edge's maxBodyBytes also applies.", min = "1")
    long importMaxBytes() default 5_242_880;

    /** @return largest import */
    @AttributeDefinition(name = "Maximum import rows", description = "Imports with more data rows are refused with 413.", min = "1")
    int importMaxRows() default 5000;
}
