package io.coditect.it.client;

import io.coditect.client.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Scheduler} that only records: the validator asks "run this in 5 s" (next heartbeat)
 * or "in 1 h" (next reconnect), and the test runs that task when it chooses, instead of waiting
 * for the time to pass. Wall-clock time is real; only the timers are in the test's hands.
 */
public final class ManualScheduler implements Scheduler {

    public record Pending(Duration delay, Runnable task) {
    }

    private final List<Pending> pending = new ArrayList<>();

    @Override
    public synchronized Task schedule(Duration delay, Runnable task) {
        Pending entry = new Pending(delay, task);
        pending.add(entry);
        return () -> remove(entry);
    }

    /** Delays of the pending tasks, shortest first. */
    public synchronized List<Duration> delays() {
        return pending.stream().map(Pending::delay).sorted().toList();
    }

    /** Runs the pending task with the shortest delay now, as if its time had come. */
    public void runNext() {
        Pending next;
        synchronized (this) {
            next = pending.stream().min((a, b) -> a.delay().compareTo(b.delay()))
                    .orElseThrow(() -> new AssertionError("nothing scheduled"));
            pending.remove(next);
        }
        next.task().run();
    }

    private synchronized void remove(Pending entry) {
        pending.remove(entry);
    }
}
