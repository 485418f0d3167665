package io.coditect.bench.http;

import java.util.Map;

/** One endpoint over one measured period: successful requests per second, their latency percentiles, failures. */
record Measurement(String endpoint, long ok, long failed, double seconds, double p50Millis, double p99Millis,
                   Map<Integer, Long> statuses, String failureSample) {

    double requestsPerSecond() {
        return ok / seconds;
    }
}
