package io.coditect.bench.http;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A closed-loop load: a fixed number of workers, each sending its next request as soon as the
 * previous one is answered, for a fixed time. Only answers that arrive inside the period count.
 */
final class LoadRun {

    private LoadRun() {
    }

    /** What one worker saw. */
    private static final class WorkerLog {
        long[] latencies = new long[4096];
        int ok;
        long failed;
        final Map<Integer, Long> statuses = new TreeMap<>();
        String failureSample;

        void record(int status, long nanos, String body) {
            statuses.merge(status, 1L, Long::sum);
            if (status >= 200 && status < 300) {
                if (ok == latencies.length) {
                    latencies = Arrays.copyOf(latencies, ok * 2);
                }
                latencies[ok++] = nanos;
            } else {
                failed++;
                if (failureSample == null) {
                    failureSample = "HTTP " + status + " " + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
                }
            }
        }
    }

    static Measurement measure(HttpClient client, Endpoint endpoint, int workers, long millis) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            long start = System.nanoTime();
            long end = start + millis * 1_000_000L;
            List<Future<WorkerLog>> running = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                int worker = w;
                running.add(pool.submit(() -> work(client, endpoint, worker, end)));
            }
            List<WorkerLog> logs = new ArrayList<>();
            for (Future<WorkerLog> f : running) {
                logs.add(f.get());
            }
            return summarize(endpoint.name(), logs, (end - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    private static WorkerLog work(HttpClient client, Endpoint endpoint, int worker, long end) throws InterruptedException {
        WorkerLog log = new WorkerLog();
        while (System.nanoTime() < end) {
            var request = endpoint.request().apply(worker);
            long sent = System.nanoTime();
            int status;
            String body;
            try {
                HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
                status = r.statusCode();
                body = r.body();
            } catch (IOException e) {
                status = 0; // no answer at all
                body = e.toString();
            }
            long answered = System.nanoTime();
            if (answered > end) {
                break;
            }
            log.record(status, answered - sent, body);
        }
        return log;
    }

    private static Measurement summarize(String name, List<WorkerLog> logs, double seconds) {
        long[] all = logs.stream().flatMapToLong(l -> Arrays.stream(l.latencies, 0, l.ok)).sorted().toArray();
        Map<Integer, Long> statuses = new TreeMap<>();
        logs.forEach(l -> l.statuses.forEach((s, n) -> statuses.merge(s, n, Long::sum)));
        long failed = logs.stream().mapToLong(l -> l.failed).sum();
        String sample = logs.stream().map(l -> l.failureSample).filter(s -> s != null).findFirst().orElse(null);
        return new Measurement(name, all.length, failed, seconds, percentile(all, 0.50), percentile(all, 0.99),
                statuses, sample);
    }

    /** Nearest-rank percentile, in milliseconds. */
    static double percentile(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p * sortedNanos.length);
        return sortedNanos[Math.max(0, rank - 1)] / 1e6;
    }
}
