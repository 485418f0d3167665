package io.coditect.it.client;

import io.coditect.client.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The device-flow client's pause between polls, in the test's hands.
 *
 * <p>The first pause is skipped, so the client's first poll reaches Keycloak before the user
 * has approved (and must be answered {@code authorization_pending}). Every later pause first
 * waits for the test to call {@link #approved()} and then lasts what the client asked for:
 * Keycloak enforces the polling interval it announced (a faster poll is answered
 * {@code slow_down}), so that pause is the server's pacing, not the test waiting for time.
 */
public final class PacedSleeper implements Sleeper {

    private final List<Duration> requested = new ArrayList<>();
    private final CountDownLatch secondPause = new CountDownLatch(1);
    private final CountDownLatch approval = new CountDownLatch(1);

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        int call;
        synchronized (this) {
            requested.add(duration);
            call = requested.size();
        }
        if (call == 1) {
            return;
        }
        long started = System.nanoTime();
        secondPause.countDown();
        if (!approval.await(2, TimeUnit.MINUTES)) {
            throw new InterruptedException("the test never approved the device login");
        }
        long left = duration.toNanos() - (System.nanoTime() - started);
        if (left > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }

    /** Waits until the client asks for its second pause, i.e. its first poll was answered and it polls on. */
    public boolean awaitSecondPause(Duration timeout) throws InterruptedException {
        return secondPause.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The user has approved in the browser: the client may poll again (at the server's pace). */
    public void approved() {
        approval.countDown();
    }

    public synchronized List<Duration> requested() {
        return List.copyOf(requested);
    }
}
