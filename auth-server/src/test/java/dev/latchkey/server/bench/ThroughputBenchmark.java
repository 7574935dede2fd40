package dev.latchkey.server.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.icegreen.greenmail.util.GreenMail;

import dev.latchkey.api.Role;
import dev.latchkey.server.AuthServer;
import dev.latchkey.server.config.ConfigLoader;
import dev.latchkey.server.db.Database;
import dev.latchkey.server.db.Rows;
import dev.latchkey.server.password.Passwords;
import dev.latchkey.server.support.ServerProcess;
import dev.latchkey.server.support.Smtp;
import dev.latchkey.server.user.Users;

/**
 * The performance figures of the performance issue in one table: reset requests at 8 and 32
 * connections, sign-ins, server start (median of 7), resident memory at ready and after load, all of
 * {@code bin/server} with its own defaults (each start a new process, data on a fresh folder, rate
 * limits off, file transport); and the mail sender's drain rate to files and to a local SMTP server
 * (GreenMail), in this JVM. Run it with {@code bin/bench throughput}.
 */
public final class ThroughputBenchmark {
    private static final int STARTS = 7;

    private ThroughputBenchmark() {
    }

    private record Row(String figure, String measured, String target) {
    }

    /** {@code args}: the parts to run, {@code start}, {@code load}, {@code mail} and {@code commits}; all by default. */
    public static void main(String[] args) throws Exception {
        List<String> parts = args.length == 0 ? List.of("start", "load", "mail", "commits") : List.of(args);
        List<Row> rows = new ArrayList<>();
        Path base = Files.createTempDirectory("latchkey-throughput");
        if (parts.contains("start")) {
            starts(base, rows);
        }
        if (parts.contains("load")) {
            load(base, rows);
        }
        if (parts.contains("mail")) {
            mail(base, rows);
        }
        if (parts.contains("commits")) {
            commits(base, rows);
        }
        System.out.printf("%nLatchkey throughput, %s, %d cores; bin/server's defaults, rate limits off, file transport%n",
                LocalDate.now(), Runtime.getRuntime().availableProcessors());
        System.out.printf("%-48s %-36s %s%n", "figure", "measured", "target");
        rows.forEach(r -> System.out.printf("%-48s %-36s %s%n", r.figure(), r.measured(), r.target()));
    }

    private static void starts(Path base, List<Row> rows) throws Exception {

        // Launch 0 is not counted: the first start after a build records the caches the others read.
        try (Server warmUp = Server.start(base.resolve("restart"), false)) {
            System.out.println("warm-up start: " + warmUp.startMillis() + " ms");
        }
        List<Long> restarts = new ArrayList<>();
        List<Long> firstStarts = new ArrayList<>();
        for (int i = 0; i < STARTS; i++) {
            try (Server server = Server.start(base.resolve("restart"), false)) {
                restarts.add(server.startMillis());
            }
            try (Server server = Server.start(base.resolve("new-" + i), false)) {
                firstStarts.add(server.startMillis());
            }
        }
        rows.add(new Row("server: launch to listening, existing data", spread(restarts), "< 1,000 ms (median of 7)"));
        rows.add(new Row("server: launch to listening, new data folder", spread(firstStarts), ""));
    }

    private static void load(Path base, List<Row> rows) throws Exception {
        double hashMillis = hashMillis();
        int cores = Runtime.getRuntime().availableProcessors();
        double hashesAtOnce = hashesPerSecond(cores);
        try (Server server = Server.start(base.resolve("load"), true)) {
            long rssReady = server.rssKb();
            // Sign-ins first: after the reset load the sender is still draining thousands of queued
            // emails, which would take the CPU the hashes need. After a warm-up: an Argon2id hash not
            // yet compiled takes several times as long.
            Wrk.run(server.uri(), 8, 5, Wrk.SIGN_INS);
            Wrk.Result signIns = Wrk.run(server.uri(), 8, 15, Wrk.SIGN_INS);
            rows.add(new Row("sign-ins/s (right password), 8 connections", "%.1f/s, p99 %.0f ms; %d of %d 201"
                    .formatted(signIns.requestsPerSecond(), signIns.p99Millis(), signIns.statuses()
                            .getOrDefault(201, 0L), signIns.answers()),
                    "about cores / hash time = %d / %.0f ms = %.0f/s".formatted(cores, hashMillis,
                            cores * 1000 / hashMillis)));
            // One hash alone has the memory bus to itself; Argon2id is memory-hard, so hashes running
            // side by side each take longer. This is what the cores give when they all hash.
            rows.add(new Row("Argon2id hashes/s, %d at once, no server".formatted(cores),
                    "%.1f/s".formatted(hashesAtOnce), "the ceiling sign-ins can reach here"));
            Wrk.run(server.uri(), 32, 5);
            Wrk.Result eight = Wrk.run(server.uri(), 8, 15);
            double serverCpu = server.cpuSeconds();
            double wrkCpu = childCpuSeconds();
            Wrk.Result thirtyTwo = Wrk.run(server.uri(), 32, 15);
            double perRequest = 1000.0 / thirtyTwo.answers();
            serverCpu = (server.cpuSeconds() - serverCpu) * perRequest;
            wrkCpu = (childCpuSeconds() - wrkCpu) * perRequest;
            long rssLoaded = server.rssKb();
            rows.add(new Row("reset requests/s, 8 connections", rate(eight), ">= 3,500"));
            rows.add(new Row("reset requests/s, 32 connections", rate(thirtyTwo), ">= 5,000, p99 < 20 ms"));
            // What the two cores can give: every request costs the server (with the mail sender draining
            // behind it) and wrk this much CPU time.
            rows.add(new Row("CPU per reset request at 32 connections", "server %.2f ms + wrk %.2f ms".formatted(
                    serverCpu, wrkCpu), "so at most %,.0f/s on %d cores".formatted(cores / (serverCpu + wrkCpu)
                    * 1000, cores)));
            rows.add(new Row("5xx under that load", Long.toString(fivexx(eight) + fivexx(thirtyTwo)) + " of "
                    + (eight.answers() + thirtyTwo.answers()), "0"));
            rows.add(new Row("server RSS at ready / after 55 s of load", "%d MB / %d MB".formatted(rssReady / 1024,
                    rssLoaded / 1024), "< 128 MB / < 256 MB"));
        }
    }

    /**
     * How many durable commits Derby makes here, each one insert of a mail job (all a reset request
     * writes), from one thread (as the mail sender commits) and from 32 (as requests do).
     */
    private static void commits(Path base, List<Row> rows) throws Exception {
        try (Database db = Database.open(ConfigLoader.load(Optional.empty(),
                Map.of("auth.data-dir", base.resolve("commits").toString())).get("db"))) {
            rows.add(new Row("Derby durable commits/s, one insert each", "%,.0f from 1 thread, %,.0f from 32"
                    .formatted(commitRate(db, 1), commitRate(db, 32)), ""));
        }
    }

    private static double commitRate(Database db, int threads) throws Exception {
        long end = System.nanoTime() + 5_000_000_000L;
        AtomicLong commits = new AtomicLong();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int i = 0; i < threads; i++) {
                pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        long now = System.currentTimeMillis();
                        db.inTransaction(tx -> tx.insert("INSERT INTO mail_job (kind, recipient, created_at, status,"
                                + " attempts, next_attempt_at) VALUES ('INVITATION', 'probe@example.com', ?, 'SENT', 0, ?)",
                                now, now));
                        commits.incrementAndGet();
                    }
                    return null;
                });
            }
        }
        return commits.get() / 5.0;
    }

    /** CPU seconds used by this JVM's children that have ended (wrk), from {@code /proc/self/stat}. */
    private static double childCpuSeconds() throws IOException {
        return cpuSeconds("self", 13);
    }

    /**
     * Two clock-tick fields of {@code /proc/PID/stat} added, in seconds: {@code first} is the index
     * of the first after the command name (11 for utime + stime, 13 for the ended children's).
     */
    private static double cpuSeconds(String pid, int first) throws IOException {
        String stat = Files.readString(Path.of("/proc", pid, "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // Linux reports these in USER_HZ, 100 per second on every architecture it runs on.
        return (Long.parseLong(fields[first]) + Long.parseLong(fields[first + 1])) / 100.0;
    }

    private static void mail(Path base, List<Row> rows) throws Exception {
        rows.add(new Row("mail drain, file transport", "%,.0f emails/s".formatted(drain(base.resolve("drain-file"),
                Optional.empty(), 3000)), ">= 1,000 emails/s"));
        int smtpPort = Smtp.freePort();
        GreenMail sink = Smtp.server(smtpPort);
        sink.start();
        try {
            rows.add(new Row("mail drain, SMTP to a local sink (GreenMail)", "%,.0f emails/s".formatted(
                    drain(base.resolve("drain-smtp"), Optional.of(smtpPort), 1000)), ">= 200 emails/s"));
        } finally {
            sink.stop();
        }
    }

    private static String spread(List<Long> millis) {
        return "median %d ms (runs %d-%d)".formatted(median(millis), millis.stream().min(Long::compare).get(),
                millis.stream().max(Long::compare).get());
    }

    private static String rate(Wrk.Result r) {
        return "%,.0f/s (p50 %.1f ms, p99 %.1f ms)".formatted(r.requestsPerSecond(), r.p50Millis(), r.p99Millis());
    }

    private static long fivexx(Wrk.Result r) {
        return r.statuses().entrySet().stream().filter(e -> e.getKey() >= 500).mapToLong(Map.Entry::getValue).sum();
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    /** Hashes per second with {@code threads} hashing at once for 10 s, after a warm-up. */
    private static double hashesPerSecond(int threads) throws Exception {
        Passwords passwords = new Passwords(threads);
        AtomicLong hashes = new AtomicLong();
        long warm = System.nanoTime() + 3_000_000_000L;
        long end = warm + 10_000_000_000L;
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int i = 0; i < threads; i++) {
                pool.submit(() -> {
                    for (long now = System.nanoTime(); now < end; now = System.nanoTime()) {
                        passwords.hash(Wrk.PASSWORD);
                        if (now >= warm) {
                            hashes.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
        }
        return hashes.get() / 10.0;
    }

    /** The median time of one Argon2id hash here, the cost a sign-in is bound by. */
    private static double hashMillis() {
        Passwords passwords = new Passwords(1);
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            long t0 = System.nanoTime();
            passwords.hash(Wrk.PASSWORD);
            times.add(System.nanoTime() - t0);
        }
        return median(times.subList(5, 15)) / 1e6;
    }

    /** Queues {@code jobs} invitations at once, starts the sender and returns the emails sent per second. */
    private static double drain(Path dir, Optional<Integer> smtpPort, int jobs) throws Exception {
        Map<String, String> settings = new HashMap<>(Map.of("auth.data-dir", dir.toString(),
                "server.port", "0", "auth.mail.transport", smtpPort.isPresent() ? "smtp" : "file"));
        smtpPort.ifPresent(port -> settings.putAll(Map.of("auth.mail.smtp.host", "127.0.0.1",
                "auth.mail.smtp.port", Integer.toString(port))));
        try (AuthServer server = AuthServer.start(ConfigLoader.load(Optional.empty(), settings), Clock.systemUTC())) {
            Logger.getLogger("dev.latchkey.server.mail").setLevel(Level.WARNING);
            server.mailSender().close();
            Database db = server.database();
            Users users = new Users();
            db.inTransaction(tx -> {
                long now = System.currentTimeMillis();
                for (int i = 0; i < jobs; i++) {
                    String email = "drain" + i + "@example.com";
                    users.create(tx, email, "Drain " + i, Role.USER, null, Clock.systemUTC().instant());
                    tx.insert("INSERT INTO mail_job (kind, recipient, created_at, status, attempts, next_attempt_at)"
                            + " VALUES ('INVITATION', ?, ?, 'QUEUED', 0, ?)", email, now, now);
                }
                return null;
            });
            long t0 = System.nanoTime();
            server.mailSender().start();
            while (db.execute().get("SELECT COUNT(*) AS n FROM mail_job WHERE status = 'SENT'")
                    .map(row -> Rows.intOf(row, "n")).orElse(0) < jobs) {
                Thread.sleep(20);
            }
            return jobs / ((System.nanoTime() - t0) / 1e9);
        }
    }

    /** {@code bin/server} as a process of its own, as an operator starts it. */
    private record Server(ServerProcess process, URI uri, long startMillis) implements AutoCloseable {
        static Server start(Path dir, boolean withUsers) throws Exception {
            Files.createDirectories(dir);
            if (withUsers) {
                // Made before the server starts: it then holds the database alone.
                try (Database db = Database.open(ConfigLoader.load(Optional.empty(),
                        Map.of("auth.data-dir", dir.toString())).get("db"))) {
                    Wrk.addKnownUsers(db);
                }
            }
            Path config = dir.resolve("bench.yaml");
            Files.writeString(config, """
                    server:
                      port: 0
                    auth:
                      data-dir: "%s"
                      rate-limit:
                        enabled: false
                    """.formatted(dir));
            ServerProcess process = ServerProcess.launch(List.of("bin/server", "--config", config.toString()));
            return new Server(process, URI.create("http://127.0.0.1:" + process.port()), process.startMillis());
        }

        double cpuSeconds() throws IOException {
            return ThroughputBenchmark.cpuSeconds(Long.toString(process.pid()), 11);
        }

        /** The process's resident set, from {@code /proc} (bin/server execs java, so the pid is the JVM's). */
        long rssKb() throws IOException {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
            throw new IllegalStateException("No VmRSS for " + process.pid());
        }

        @Override
        public void close() {
            process.close();
        }
    }
}
