package io.coditect.client;

import java.time.Duration;

/**
 * Runs a task later. Injected into the validator so tests drive time by hand instead of
 * sleeping, and so a one-shot CLI can run the state machine without background threads.
 */
public interface Scheduler {

    Task schedule(Duration delay, Runnable task);

    /** A scheduled task that may still be called off. */
    @FunctionalInterface
    interface Task {
        void cancel();
    }

    /**
     * A scheduler that never runs anything: for short-lived processes (the CLI) that make one
     * check per invocation and persist the outcome for the next.
     */
    static Scheduler inactive() {
        return (delay, task) -> () -> { };
    }
}
