package io.coditect.client;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A {@link Scheduler} driven by the test: {@link #advance} moves the {@link MutableClock}
 * forward, running each task due on the way at its due time, in order.
 */
final class ManualScheduler implements Scheduler {

    private record Entry(Instant due, long order, Runnable task) {
    }

    private final MutableClock clock;
    private final List<Entry> pending = new ArrayList<>();
    private long counter;

    ManualScheduler(MutableClock clock) {
        this.clock = clock;
    }

    @Override
    public Task schedule(Duration delay, Runnable task) {
        Entry entry = new Entry(clock.instant().plus(delay), counter++, task);
        pending.add(entry);
        return () -> pending.remove(entry);
    }

    /** Moves time forward by {@code duration}, running what falls due. */
    void advance(Duration duration) {
        Instant target = clock.instant().plus(duration);
        while (true) {
            Optional<Entry> next = pending.stream()
                    .filter(e -> !e.due().isAfter(target))
                    .min(Comparator.comparing(Entry::due).thenComparing(Entry::order));
            if (next.isEmpty()) {
                break;
            }
            pending.remove(next.get());
            if (next.get().due().isAfter(clock.instant())) {
                clock.set(next.get().due());
            }
            next.get().task().run();
        }
        clock.set(target);
    }

    /** Runs the next task whatever its due time, moving the clock to it. */
    void runNext() {
        Entry next = pending.stream().min(Comparator.comparing(Entry::due).thenComparing(Entry::order))
                .orElseThrow(() -> new AssertionError("nothing scheduled"));
        advance(Duration.between(clock.instant(), next.due()).isNegative()
                ? Duration.ZERO : Duration.between(clock.instant(), next.due()));
    }

    int pendingCount() {
        return pending.size();
    }

    /** Delays of pending tasks from now, soonest first. */
    List<Duration> pendingDelays() {
        return pending.stream().map(e -> Duration.between(clock.instant(), e.due())).sorted().toList();
    }
}
