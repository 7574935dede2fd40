package dev.latchkey.server.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.latchkey.server.AuthServer;
import dev.latchkey.server.config.ConfigLoader;
import dev.latchkey.server.db.Database;
import dev.latchkey.server.db.Rows;

/**
 * A spray of unique addresses at full rate: reset requests, each for a new email from a new client
 * (IPv4 and IPv6 /64s in turn, named by {@code X-Forwarded-For} from loopback, a trusted proxy), with
 * the rate limits on, on Derby. Prints the heap after a full collection and the rows of every table
 * before, every 30 s during, after, and after a retention run with the clock moved 401 days on (past
 * every retention). Not a unit test: {@code bin/bench retention [SECONDS] [CONCURRENT]} (default 600 s,
 * 32 requests at once).
 */
public final class RetentionBenchmark {
    private static final List<String> TABLES = List.of("app_user", "reset_token", "report_token", "user_session",
            "signin_throttle", "mail_job", "audit_event", "support_case", "case_note", "rate_window",
            "recovery_code");

    private RetentionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 600;
        int concurrent = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        Path dir = Files.createTempDirectory("latchkey-retention");
        ShiftedClock clock = new ShiftedClock();
        try (AuthServer server = AuthServer.start(ConfigLoader.load(Optional.empty(), Map.of(
                "auth.data-dir", dir.toString(),
                "server.port", "0",
                "auth.mail.transport", "file",
                "auth.trusted-proxies", "127.0.0.1")), clock)) {
            Logger.getLogger("dev.latchkey.server").setLevel(Level.WARNING);
            Database db = server.database();
            System.out.printf("Spray: %d s, %d requests at once, POST /api/v1/password-resets, a new email and a new"
                    + " client address each, rate limits on, Derby; %d cores%n", seconds, concurrent,
                    Runtime.getRuntime().availableProcessors());
            report("before", db);

            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            URI uri = server.baseUri().resolve("/api/v1/password-resets");
            AtomicLong next = new AtomicLong();
            Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
            long start = System.nanoTime();
            long end = start + Duration.ofSeconds(seconds).toNanos();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < concurrent; i++) {
                threads.add(Thread.ofVirtual().start(() -> {
                    while (System.nanoTime() < end) {
                        long n = next.incrementAndGet();
                        int status = send(http, uri, n);
                        statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
                    }
                }));
            }
            long lastPrint = start;
            while (threads.stream().anyMatch(Thread::isAlive)) {
                Thread.sleep(1000);
                if (System.nanoTime() - lastPrint >= Duration.ofSeconds(30).toNanos()) {
                    lastPrint = System.nanoTime();
                    long elapsed = Duration.ofNanos(lastPrint - start).toSeconds();
                    System.out.printf("%4d s: %,d requests (%,.0f/s)%n", elapsed, next.get(),
                            next.get() / (double) Math.max(elapsed, 1));
                    report("during", db);
                }
            }
            double took = (System.nanoTime() - start) / 1e9;
            System.out.printf("Sent %,d requests in %.0f s (%,.0f/s); answers: %s%n", next.get(), took,
                    next.get() / took, new TreeMap<>(statuses));
            while (server.mailSender().sendDue() > 0) {
                // the spray's last jobs, so that the counts after it are settled
            }
            report("after the spray", db);

            clock.shift(Duration.ofDays(401));
            long cleanupStart = System.nanoTime();
            Map<?, Long> removed = server.retention().runOnce().orElseThrow();
            System.out.printf("Retention run with the clock 401 days on, %.1f s: removed %s%n",
                    (System.nanoTime() - cleanupStart) / 1e9, removed);
            report("after the cleanup", db);
        }
    }

    /** A new email, from a new IPv4 address or a new IPv6 /64 in turn. */
    private static int send(HttpClient http, URI uri, long n) {
        String ip = n % 2 == 0
                ? "10." + (n >> 16 & 0xff) + "." + (n >> 8 & 0xff) + "." + (n & 0xff)
                : "2001:db8:" + Long.toHexString(n >> 16 & 0xffff) + ":" + Long.toHexString(n & 0xffff) + "::1";
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", ip)
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"spray-" + n + "@example.com\"}"))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static void report(String when, Database db) {
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : TABLES) {
            rows.put(table, db.execute().get("SELECT COUNT(*) AS n FROM " + table)
                    .map(row -> Rows.longOf(row, "n")).orElseThrow());
        }
        System.out.printf("  %s: heap after GC %.1f MB; rows %s%n", when, heap / 1e6, rows);
    }

    /** The system clock, moved on by hand: the limits' windows pass in real time, retention is jumped past. */
    private static final class ShiftedClock extends Clock {
        private volatile Duration shift = Duration.ZERO;

        void shift(Duration by) {
            shift = shift.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(shift);
        }
    }
}
