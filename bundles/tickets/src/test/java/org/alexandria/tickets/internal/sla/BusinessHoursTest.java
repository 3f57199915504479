package org.alexandria.tickets.internal.sla;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalTime;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BusinessHoursTest {

    private final BusinessHours zurich = new BusinessHours("Europe/Zurich", Set.of(MONDAY, TUESDAY, WEDNESDAY,
            THURSDAY, FRIDAY), LocalTime.of(9, 0), LocalTime.of(17, 0));

    @Test
    void timeWithinADayCountsFromNow() {
        // Wednesday 2024-05-01 10:00 in Zurich (UTC+2)
        assertThat(zurich.plus(Instant.parse("2024-05-01T08:00:00Z"), 60)).isEqualTo(Instant.parse("2024-05-01T09:00:00Z"));
    }

    @Test
    void theClockWaitsForOpeningAndSkipsTheWeekend() {
        // Friday 16:30 local + 2 h = Monday 10:30 local
        assertThat(zurich.plus(Instant.parse("2024-05-03T14:30:00Z"), 120)).isEqualTo(Instant.parse("2024-05-06T08:30:00Z"));
        // Saturday night + 30 min = Monday 09:30 local
        assertThat(zurich.plus(Instant.parse("2024-05-04T21:00:00Z"), 30)).isEqualTo(Instant.parse("2024-05-06T07:30:00Z"));
        // 16 business hours from Monday 09:00 end Tuesday 17:00
        assertThat(zurich.plus(Instant.parse("2024-05-06T07:00:00Z"), 16 * 60)).isEqualTo(Instant.parse("2024-05-07T15:00:00Z"));
    }

    @Test
    void daylightSavingChangesAreLocalTime() {
        // Friday 2024-03-29 16:00 local (UTC+1) + 2 h: Monday 2024-04-01 10:00 local, now UTC+2
        assertThat(zurich.plus(Instant.parse("2024-03-29T15:00:00Z"), 120)).isEqualTo(Instant.parse("2024-04-01T08:00:00Z"));
    }

    @Test
    void invalidHoursAreRefused() {
        assertThatThrownBy(() -> new BusinessHours("Europe/Zurich", Set.of(), LocalTime.of(9, 0), LocalTime.of(17, 0)))
                .hasMessageContaining("weekday");
        assertThatThrownBy(() -> new BusinessHours("Europe/Zurich", Set.of(MONDAY), LocalTime.of(9, 0), LocalTime.of(9, 0)))
                .hasMessageContaining("after");
        assertThatThrownBy(() -> new BusinessHours("Mars/Base", Set.of(MONDAY), LocalTime.of(9, 0), LocalTime.of(17, 0)))
                .isInstanceOf(java.time.DateTimeException.class);
    }
}
