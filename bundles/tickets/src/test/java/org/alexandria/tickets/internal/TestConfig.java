package org.alexandria.tickets.internal;

import java.lang.annotation.Annotation;
import org.alexandria.tickets.internal.service.TicketsConfig;

/** Configurations for tests, as DS would build them from a .cfg. */
public final class TestConfig {

    private TestConfig() {
    }

    public static TicketsConfig tickets(long maxAttachmentBytes, int duplicateCandidates, int importMaxRows) {
        return new TicketsConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return TicketsConfig.class;
            }

            @Override
            public long maxAttachmentBytes() {
                return maxAttachmentBytes;
            }

            @Override
            public int duplicateCandidates() {
                return duplicateCandidates;
            }

            @Override
            public long duplicateRefreshMillis() {
                return 0; // tests create a ticket and ask for its duplicates at once
            }

            @Override
            public int slaCheckSeconds() {
                return 60;
            }

            @Override
            public long importMaxBytes() {
                return maxAttachmentBytes;
            }

            @Override
            public int importMaxRows() {
                return importMaxRows;
            }
        };
    }

    public static TicketsConfig tickets() {
        return tickets(5_242_880, 5, 5000);
    }
}
