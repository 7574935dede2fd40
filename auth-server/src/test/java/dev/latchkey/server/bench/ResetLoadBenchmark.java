package dev.latchkey.server.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.latchkey.server.AuthServer;
import dev.latchkey.server.config.ConfigLoader;

/**
 * Load on {@code POST /api/v1/password-resets} with {@code wrk} ({@link Wrk}): rate limits off, file
 * transport, the mail sender running. Prints wrk's figures and every status with its count; a non-2xx
 * answer is a failure of the run. Not a unit test: run it with {@code bin/bench load [CONNECTIONS] [SECONDS]}.
 */
public final class ResetLoadBenchmark {
    private ResetLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int connections = args.length > 0 ? Integer.parseInt(args[0]) : 32;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        Path dir = Files.createTempDirectory("latchkey-load");
        try (AuthServer server = AuthServer.start(ConfigLoader.load(Optional.empty(), Map.of(
                "auth.data-dir", dir.toString(),
                "server.port", "0",
                "auth.mail.transport", "file",
                "auth.rate-limit.enabled", "false")), Clock.systemUTC())) {
            // Warnings (a failed request names its root cause) are shown; a line per email is not. Set
            // after start: starting the web server re-reads the logging configuration.
            Logger.getLogger("dev.latchkey.server.mail").setLevel(Level.WARNING);
            Wrk.addKnownUsers(server.database());
            System.out.printf("wrk: %d connections, %d s, POST /api/v1/password-resets (50 known addresses and"
                    + " unknown ones), rate limits off, file transport; %d cores%n", connections, seconds,
                    Runtime.getRuntime().availableProcessors());
            Wrk.Result result = Wrk.run(server.baseUri(), connections, seconds);
            result.output().forEach(System.out::println);
            result.statuses().forEach((status, count) -> System.out.printf("HTTP %d: %d%n", status, count));
            System.out.printf("answers: %d, non-2xx: %d, 5xx: %d%n", result.answers(), result.non2xx(),
                    result.statuses().entrySet().stream().filter(e -> e.getKey() >= 500)
                            .mapToLong(Map.Entry::getValue).sum());
            if (result.non2xx() > 0) {
                System.exit(1);
            }
        }
    }
}
