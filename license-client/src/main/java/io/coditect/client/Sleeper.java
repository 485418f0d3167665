package io.coditect.client;

import java.time.Duration;

/** Waiting, made injectable so device-flow polling is tested without sleeping. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    static Sleeper system() {
        return duration -> Thread.sleep(duration.toMillis());
    }
}
