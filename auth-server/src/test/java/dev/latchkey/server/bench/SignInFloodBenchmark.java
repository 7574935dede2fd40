package dev.latchkey.server.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import dev.latchkey.server.AuthServer;
import dev.latchkey.server.config.ConfigLoader;

/**
 * A flood of failed sign-ins, many at once, against the real server in this JVM: how many were
 * answered properly, throughput and latency. {@code bin/bench signin-flood} runs it twice in a JVM
 * capped at 256 MiB and given 64 carrier threads for virtual threads (as a 64-core machine would
 * have): with the default bound on concurrent Argon2id hashes, and with the bound lifted.
 */
public final class SignInFloodBenchmark {
    private SignInFloodBenchmark() {
    }

    /** Arguments: {@code bounded|unbounded [CONCURRENT] [REQUESTS]}. */
    public static void main(String[] args) throws Exception {
        boolean bounded = !(args.length > 0 && args[0].equals("unbounded"));
        int concurrent = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        int requests = args.length > 2 ? Integer.parseInt(args[2]) : 640;
        String label = bounded ? "bounded (default: one hash per core)" : "unbounded (" + concurrent + " at once)";
        run(label, bounded ? "0" : Integer.toString(concurrent), concurrent, requests);
    }

    private static String millis(long[] sorted, double quantile) {
        return sorted.length == 0 ? "-" : String.format("%.0f ms",
                sorted[Math.max(0, (int) Math.ceil(sorted.length * quantile) - 1)] / 1e6);
    }

    private static void run(String label, String maxHashes, int concurrent, int requests) throws Exception {
        Path dir = Files.createTempDirectory("latchkey-flood");
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        try (AuthServer server = AuthServer.start(ConfigLoader.load(Optional.empty(), Map.of(
                "auth.data-dir", dir.toString(), "server.port", "0", "auth.rate-limit.enabled", "false",
                "auth.password.max-concurrent-hashes", maxHashes)), Clock.systemUTC())) {
            URI uri = URI.create(server.baseUri() + "/api/v1/sessions");
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            ExecutorService pool = Executors.newFixedThreadPool(concurrent);
            List<Future<Long>> latencies = new ArrayList<>();
            AtomicLong failed = new AtomicLong();
            long start = System.nanoTime();
            for (int i = 0; i < requests; i++) {
                String body = "{\"email\":\"flood" + i + "@example.com\",\"password\":\"guess number " + i + "\"}";
                latencies.add(pool.submit(() -> {
                    long t = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 401) {
                            failed.incrementAndGet();
                        }
                    } catch (IOException e) {
                        failed.incrementAndGet();
                    }
                    return System.nanoTime() - t;
                }));
            }
            // A server that drowns in its own memory may never answer: give the flood 90 seconds.
            long deadline = start + TimeUnit.SECONDS.toNanos(90);
            List<Long> answered = new ArrayList<>();
            long unanswered = 0;
            for (Future<Long> latency : latencies) {
                try {
                    answered.add(latency.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
                } catch (TimeoutException e) {
                    unanswered++;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long[] nanos = answered.stream().mapToLong(Long::longValue).sorted().toArray();
            long ok = nanos.length - failed.get();
            System.out.printf("%-34s max heap %d MiB: %d of %d answered 401 in %.0f s (%d failed, %d unanswered);"
                            + " %.1f sign-ins/s; median %s, p95 %s%n",
                    label, memory.getHeapMemoryUsage().getMax() / (1024 * 1024), ok, requests, seconds, failed.get(),
                    unanswered, ok / seconds, millis(nanos, 0.5), millis(nanos, 0.95));
            System.out.flush();
            // A drowning server may not stop cleanly either; the figures are out, so end here.
            Runtime.getRuntime().halt(0);
        }
    }
}
