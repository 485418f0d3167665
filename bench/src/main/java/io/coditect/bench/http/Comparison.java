package io.coditect.bench.http;

import java.io.PrintStream;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Our endpoint against a Keycloak baseline on the same server in the same run: both warmed up,
 * then measured in alternating rounds (A B, B A, A B, ...) so both see the same machine
 * conditions. The verdict is the median over rounds of the per-round ratio.
 */
final class Comparison {

    record Settings(int workers, long warmUpMillis, long roundMillis, int rounds) {
    }

    private final String title;
    private final Endpoint ours;
    private final Endpoint baseline;
    private final double target;
    private final Runnable beforeEachRound;
    private final List<Measurement> oursRounds = new ArrayList<>();
    private final List<Measurement> baselineRounds = new ArrayList<>();

    Comparison(String title, Endpoint ours, Endpoint baseline, double target, Runnable beforeEachRound) {
        this.title = title;
        this.ours = ours;
        this.baseline = baseline;
        this.target = target;
        this.beforeEachRound = beforeEachRound;
    }

    Comparison run(HttpClient client, Settings s, PrintStream log) throws Exception {
        beforeEachRound.run();
        log.printf("%n== %s: warm-up %d s each%n", title, s.warmUpMillis() / 1000);
        LoadRun.measure(client, ours, s.workers(), s.warmUpMillis());
        LoadRun.measure(client, baseline, s.workers(), s.warmUpMillis());
        for (int round = 1; round <= s.rounds(); round++) {
            beforeEachRound.run();
            boolean oursFirst = round % 2 == 1;
            Endpoint first = oursFirst ? ours : baseline;
            Endpoint second = oursFirst ? baseline : ours;
            Measurement a = LoadRun.measure(client, first, s.workers(), s.roundMillis());
            Measurement b = LoadRun.measure(client, second, s.workers(), s.roundMillis());
            oursRounds.add(oursFirst ? a : b);
            baselineRounds.add(oursFirst ? b : a);
            log.printf(Locale.ROOT, "round %d: %s%n", round, line(oursFirst ? a : b, oursFirst ? b : a));
        }
        return this;
    }

    /** Ours over baseline for throughput (higher is better for us). */
    double throughputRatio() {
        return medianRatio(Measurement::requestsPerSecond, false);
    }

    /** Baseline latency over ours (above 1: ours is faster). */
    double p50Ratio() {
        return medianRatio(Measurement::p50Millis, true);
    }

    double p99Ratio() {
        return medianRatio(Measurement::p99Millis, true);
    }

    private double medianRatio(ToDoubleFunction<Measurement> metric, boolean inverse) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < oursRounds.size(); i++) {
            double o = metric.applyAsDouble(oursRounds.get(i));
            double b = metric.applyAsDouble(baselineRounds.get(i));
            ratios.add(inverse ? b / o : o / b);
        }
        return median(ratios);
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("### ").append(title).append("\n\n");
        md.append(String.format(Locale.ROOT, "| round | %1$s req/s | %1$s p50 ms | %1$s p99 ms | %2$s req/s | %2$s p50 ms "
                + "| %2$s p99 ms | req/s ratio |%n", ours.name(), baseline.name()));
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (int i = 0; i < oursRounds.size(); i++) {
            Measurement o = oursRounds.get(i);
            Measurement b = baselineRounds.get(i);
            md.append(String.format(Locale.ROOT, "| %d | %s | %.2f |%n", i + 1, cells(o, b),
                    o.requestsPerSecond() / b.requestsPerSecond()));
        }
        md.append(String.format(Locale.ROOT, "| median | %.0f | %.2f | %.2f | %.0f | %.2f | %.2f | **%.2f** |%n%n",
                median(oursRounds, Measurement::requestsPerSecond), median(oursRounds, Measurement::p50Millis),
                median(oursRounds, Measurement::p99Millis), median(baselineRounds, Measurement::requestsPerSecond),
                median(baselineRounds, Measurement::p50Millis), median(baselineRounds, Measurement::p99Millis),
                throughputRatio()));
        md.append(String.format(Locale.ROOT, "Median of per-round ratios: throughput %s/%s = **%.2f**, "
                        + "p50 %s/%s = %.2f, p99 %s/%s = %.2f (latency ratios are baseline over ours: above 1 means "
                        + "ours is faster). Target %s: throughput ratio >= %.2f: **%s**.%n%n",
                ours.name(), baseline.name(), throughputRatio(), baseline.name(), ours.name(), p50Ratio(),
                baseline.name(), ours.name(), p99Ratio(), title, target, throughputRatio() >= target ? "met" : "NOT met"));
        md.append(failures(ours.name(), oursRounds)).append(failures(baseline.name(), baselineRounds)).append('\n');
        return md.toString();
    }

    private static String failures(String name, List<Measurement> rounds) {
        long failed = rounds.stream().mapToLong(Measurement::failed).sum();
        long ok = rounds.stream().mapToLong(Measurement::ok).sum();
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "- %s: %d answers 2xx, %d not 2xx", name, ok, failed));
        rounds.stream().map(Measurement::failureSample).filter(x -> x != null).findFirst()
                .ifPresent(sample -> s.append(" (first: `").append(sample.replace('`', '\'').replace('\n', ' ')).append("`)"));
        rounds.stream().filter(m -> m.failed() > 0).findFirst()
                .ifPresent(m -> s.append(", statuses of one such round: ").append(m.statuses()));
        return s.append('\n').toString();
    }

    private static String cells(Measurement o, Measurement b) {
        return String.format(Locale.ROOT, "%.0f | %.2f | %.2f | %.0f | %.2f | %.2f", o.requestsPerSecond(), o.p50Millis(),
                o.p99Millis(), b.requestsPerSecond(), b.p50Millis(), b.p99Millis());
    }

    private static String line(Measurement o, Measurement b) {
        return String.format(Locale.ROOT, "%s %.0f req/s p50 %.2f p99 %.2f ms (%d not 2xx) | %s %.0f req/s p50 %.2f p99 %.2f ms"
                        + " (%d not 2xx) | ratio %.2f", o.endpoint(), o.requestsPerSecond(), o.p50Millis(), o.p99Millis(),
                o.failed(), b.endpoint(), b.requestsPerSecond(), b.p50Millis(), b.p99Millis(), b.failed(),
                o.requestsPerSecond() / b.requestsPerSecond());
    }

    private static double median(List<Measurement> rounds, ToDoubleFunction<Measurement> metric) {
        return median(rounds.stream().map(metric::applyAsDouble).toList());
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
