package io.coditect.keycloak.quota;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * One calendar day of a zone, the window a daily quota counts in. The day starts at local
 * midnight (or whatever instant the zone's rules make the start of that day, on days with a
 * DST jump at midnight), so a window can be 23, 24 or 25 hours long.
 */
public record QuotaWindow(LocalDate day, ZoneId zone, Instant start, Instant end) {

    public static QuotaWindow containing(Instant now, ZoneId zone) {
        LocalDate day = now.atZone(zone).toLocalDate();
        Instant start = day.atStartOfDay(zone).toInstant();
        Instant end = day.plusDays(1).atStartOfDay(zone).toInstant();
        return new QuotaWindow(day, zone, start, end);
    }

    /** Whole seconds until the window ends, at least 1 (a client told "retry in 0 s" would spin). */
    public long secondsLeft(Instant now) {
        long millis = Duration.between(now, end).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }

    public long lengthSeconds() {
        return Duration.between(start, end).getSeconds();
    }

    /** The counter key of one user in this window: realm, user and the day in this zone. */
    public String key(String realmId, String userId) {
        return realmId + ":" + userId + ":" + day + ":" + zone.getId();
    }

    public ZonedDateTime endInZone() {
        return end.atZone(zone);
    }
}
