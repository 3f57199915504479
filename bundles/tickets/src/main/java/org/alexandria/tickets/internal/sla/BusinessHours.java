package org.alexandria.tickets.internal.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * When the support team works: the given weekdays from {@code start} to {@code end} local time in a time zone.
 *
 * @param timeZone IANA time zone, e.g. {@code Europe/Zurich}
 * @param weekdays working days, at least one
 * @param start    local start of a working day
 * @param end      local end of a working day, after start
 */
public record BusinessHours(String timeZone, Set<DayOfWeek> weekdays, LocalTime start, LocalTime end) {

    /** Checks the zone, the days and the hours. */
    public BusinessHours {
        ZoneId.of(timeZone);
        if (weekdays.isEmpty()) {
            throw new IllegalArgumentException("business hours need at least one weekday");
        }
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("business hours end (" + end + ") must be after their start (" + start + ")");
        }
        weekdays = java.util.Collections.unmodifiableSet(EnumSet.copyOf(weekdays));
    }

    /**
     * @param from    when the clock starts
     * @param minutes business minutes to add
     * @return the instant when that much business time has passed
     */
    public Instant plus(Instant from, long minutes) {
        ZoneId zone = ZoneId.of(timeZone);
        Duration remaining = Duration.ofMinutes(minutes);
        ZonedDateTime t = from.atZone(zone);
        // bounded: each turn passes one calendar day, and every week has a working day
        for (int day = 0; day < 8 * 366 * 10 + 8; day++) {
            LocalDate date = t.toLocalDate();
            if (weekdays.contains(date.getDayOfWeek())) {
                ZonedDateTime open = date.atTime(start).atZone(zone);
                ZonedDateTime close = date.atTime(end).atZone(zone);
                if (t.isBefore(open)) {
                    t = open;
                }
                if (t.isBefore(close)) {
                    Duration available = Duration.between(t, close);
                    if (remaining.compareTo(available) <= 0) {
                        return t.plus(remaining).toInstant();
                    }
                    remaining = remaining.minus(available);
                }
            }
            t = date.plusDays(1).atStartOfDay(zone);
        }
        throw new IllegalArgumentException("target of " + minutes + " minutes is too far ahead");
    }
}
