package io.coditect.client.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Human renderings of times: "2026-12-10 16:20 UTC (in 6 days 23 hours)". */
final class Durations {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private Durations() {
    }

    static String human(Duration duration) {
        Duration d = duration.isNegative() ? Duration.ZERO : duration;
        long days = d.toDays();
        long hours = d.toHoursPart();
        long minutes = d.toMinutesPart();
        if (days > 0) {
            return plural(days, "day") + (hours > 0 ? " " + plural(hours, "hour") : "");
        }
        if (hours > 0) {
            return plural(hours, "hour") + (minutes > 0 ? " " + plural(minutes, "minute") : "");
        }
        if (minutes > 0) {
            return plural(minutes, "minute");
        }
        return plural(d.toSecondsPart(), "second");
    }

    static String at(Instant instant, Clock clock) {
        Duration until = Duration.between(clock.instant(), instant);
        String relative = until.isNegative() ? human(until.negated()) + " ago" : "in " + human(until);
        return "at " + UTC.format(instant) + " (" + relative + ")";
    }

    static String utc(Instant instant) {
        return instant == null ? "-" : UTC.format(instant);
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
