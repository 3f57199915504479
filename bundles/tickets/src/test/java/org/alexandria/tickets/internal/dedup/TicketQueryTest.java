package org.alexandria.tickets.internal.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TicketQueryTest {

    @Test
    void explanationsShowTheWordAnIdentifierPartCameFrom() {
        assertThat(TicketQuery.wordContaining("org.apache.CompositeService.start", "compositeservic"))
                .isEqualTo("CompositeService");
        assertThat(TicketQuery.wordContaining("NullPointerException", "pointer")).isEqualTo("Pointer");
        assertThat(TicketQuery.wordContaining("abc", "xyz")).isEqualTo("xyz");
    }
}
