package org.alexandria.tickets.internal.dedup;

import java.time.Duration;
import java.time.Instant;

/**
 * Duplicates are usually filed soon after the original, yet some come years later: a mild prior that favours
 * tickets close in time without ever ruling out old ones. The factor is {@code 1 / (1 + ln(1 + days / scale))}:
 * 1 for the same day, about 0.59 at {@code scale} days, and it keeps falling slowly (logarithmically) after that.
 */
final class RecencyPrior {

    private static final double SECONDS_PER_DAY = 86_400;
    private final double scaleDays;

    /** @param scaleDays the time scale in days; 0 switches the prior off */
    RecencyPrior(double scaleDays) {
        this.scaleDays = scaleDays;
    }

    /**
     * @param a one creation time
     * @param b another
     * @return the factor to multiply a text score with, in (0, 1]
     */
    double factor(Instant a, Instant b) {
        if (scaleDays == 0) {
            return 1;
        }
        double days = Math.abs(Duration.between(a, b).getSeconds()) / SECONDS_PER_DAY;
        return 1 / (1 + Math.log1p(days / scaleDays));
    }
}
