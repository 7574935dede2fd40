package dev.latchkey.server.bench;

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
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.latchkey.server.AuthServer;
import dev.latchkey.server.config.ConfigLoader;
import dev.latchkey.server.support.Nginx;
import dev.latchkey.server.support.Smtp;
import dev.latchkey.server.support.TestDatabase;

/**
 * Reset requests per second and their p99 on Derby alone, on PostgreSQL with one instance (direct and
 * behind nginx) and with two instances behind nginx, side by side. Instances run in this JVM, and wrk,
 * nginx and PostgreSQL on the same cores: on a small machine more instances share the same CPUs.
 * Rate limits off, file transport. Run it with {@code bin/bench cluster [CONNECTIONS] [SECONDS]}.
 */
public final class ClusterBenchmark {
    private static final int WARM_UP_SECONDS = 5;

    private ClusterBenchmark() {
    }

    private record Row(String setup, Wrk.Result result) {
    }

    public static void main(String[] args) throws Exception {
        int connections = args.length > 0 ? Integer.parseInt(args[0]) : 32;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("Derby, 1 instance, direct", measure(Optional.empty(), 1, false, connections, seconds)));
        for (int[] setup : new int[][] {{1, 0}, {1, 1}, {2, 1}}) {
            try (TestDatabase database = TestDatabase.createPostgresql()) {
                boolean proxied = setup[1] == 1;
                rows.add(new Row("PostgreSQL, " + setup[0] + " instance" + (setup[0] > 1 ? "s" : "")
                        + (proxied ? ", nginx" : ", direct"),
                        measure(Optional.of(database), setup[0], proxied, connections, seconds)));
            }
        }
        System.out.printf("%nPOST /api/v1/password-resets, wrk -c%d -d%ds after a %d s warm-up; %s; %d cores;"
                        + " rate limits off, file transport%n", connections, seconds, WARM_UP_SECONDS, LocalDate.now(),
                Runtime.getRuntime().availableProcessors());
        System.out.printf("%-34s %10s %9s %9s %9s%n", "setup", "req/s", "p50 ms", "p99 ms", "non-2xx");
        for (Row row : rows) {
            Wrk.Result r = row.result();
            System.out.printf("%-34s %,10.0f %9.1f %9.1f %9d%n", row.setup(), r.requestsPerSecond(), r.p50Millis(),
                    r.p99Millis(), r.non2xx());
        }
    }

    private static Wrk.Result measure(Optional<TestDatabase> database, int instances, boolean proxied,
                                      int connections, int seconds) throws Exception {
        List<AuthServer> servers = new ArrayList<>();
        Path state = Files.createTempDirectory("latchkey-cluster-bench");
        try {
            for (int i = 0; i < instances; i++) {
                Map<String, String> settings = new HashMap<>(Map.of(
                        "auth.data-dir", state.resolve("instance-" + i).toString(),
                        "server.port", "0",
                        "auth.mail.transport", "file",
                        "auth.rate-limit.enabled", "false",
                        "auth.trusted-proxies", "127.0.0.1"));
                database.ifPresent(db -> settings.putAll(db.settings()));
                servers.add(AuthServer.start(ConfigLoader.load(Optional.empty(), settings), Clock.systemUTC()));
            }
            Logger.getLogger("dev.latchkey.server.mail").setLevel(Level.WARNING);
            Wrk.addKnownUsers(servers.get(0).database());
            if (!proxied) {
                return warmedUp(servers.get(0).baseUri(), connections, seconds);
            }
            int port = Smtp.freePort();
            try (Nginx nginx = Nginx.start(state, port, servers.stream().map(AuthServer::port).toList())) {
                return warmedUp(URI.create("http://127.0.0.1:" + port), connections, seconds);
            }
        } finally {
            servers.forEach(AuthServer::close);
        }
    }

    private static Wrk.Result warmedUp(URI target, int connections, int seconds) throws Exception {
        Wrk.run(target, connections, WARM_UP_SECONDS);
        return Wrk.run(target, connections, seconds);
    }
}
