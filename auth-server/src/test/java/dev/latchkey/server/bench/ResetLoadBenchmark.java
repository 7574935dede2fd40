package dev.latchkey.server.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.latchkey.api.Role;
import dev.latchkey.server.AuthServer;
import dev.latchkey.server.config.ConfigLoader;
import dev.latchkey.server.password.Passwords;
import dev.latchkey.server.user.Users;

/**
 * Load on {@code POST /api/v1/password-resets} with {@code wrk}: half the requests for 50 known
 * addresses, half for ever new unknown ones, rate limits off, file transport, the mail sender running.
 * Prints wrk's figures and every status with its count; a non-2xx answer is a failure of the run.
 * Not a unit test: run it with {@code bin/bench load [CONNECTIONS] [SECONDS]}.
 */
public final class ResetLoadBenchmark {
    private static final Pattern STATUS = Pattern.compile("^status (\\d+): (\\d+)$");
    private static final String SCRIPT = """
            local threads = {}
            function setup(thread) table.insert(threads, thread) end
            function init(args) statuses = {}; n = 0; id = math.random(1, 1000000000) end
            function request()
              n = n + 1
              local email
              if n % 2 == 0 then email = "known" .. (n % 50) .. "@example.com"
              else email = "nobody-" .. id .. "-" .. n .. "@example.com" end
              return wrk.format("POST", "/api/v1/password-resets", {["Content-Type"] = "application/json"},
                '{"email":"' .. email .. '"}')
            end
            function response(status, headers, body) statuses[status] = (statuses[status] or 0) + 1 end
            function done(summary, latency, requests)
              for _, t in ipairs(threads) do
                for status, count in pairs(t:get("statuses")) do io.write("status " .. status .. ": " .. count .. "\\n") end
              end
            end
            """;

    private ResetLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int connections = args.length > 0 ? Integer.parseInt(args[0]) : 32;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        Path dir = Files.createTempDirectory("latchkey-load");
        Path script = dir.resolve("reset.lua");
        Files.writeString(script, SCRIPT);
        try (AuthServer server = AuthServer.start(ConfigLoader.load(Optional.empty(), Map.of(
                "auth.data-dir", dir.toString(),
                "server.port", "0",
                "auth.mail.transport", "file",
                "auth.rate-limit.enabled", "false")), Clock.systemUTC())) {
            // Warnings (a failed request names its root cause) are shown; a line per email is not. Set
            // after start: starting the web server re-reads the logging configuration.
            Logger mail = Logger.getLogger("dev.latchkey.server.mail");
            mail.setLevel(Level.WARNING);
            String hash = new Passwords(1).hash("velvet tractor orbits quietly");
            Users users = new Users();
            for (int i = 0; i < 50; i++) {
                users.create(server.database().execute(), "known" + i + "@example.com", "Known " + i, Role.USER, hash,
                        Clock.systemUTC().instant());
            }
            System.out.printf("wrk: %d connections, %d s, POST /api/v1/password-resets (50 known addresses and"
                    + " unknown ones), rate limits off, file transport; %d cores%n", connections, seconds,
                    Runtime.getRuntime().availableProcessors());
            Process wrk = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--latency",
                    "-s", script.toString(), server.baseUri().toString())
                    .redirectErrorStream(true).start();
            Map<Integer, Long> statuses = new TreeMap<>();
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(wrk.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    Matcher m = STATUS.matcher(line.strip());
                    if (m.matches()) {
                        statuses.merge(Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)), Long::sum);
                    } else {
                        System.out.println(line);
                    }
                }
            }
            if (wrk.waitFor() != 0) {
                throw new IOException("wrk failed with exit code " + wrk.exitValue());
            }
            long total = statuses.values().stream().mapToLong(Long::longValue).sum();
            long non2xx = statuses.entrySet().stream().filter(e -> e.getKey() / 100 != 2)
                    .mapToLong(Map.Entry::getValue).sum();
            statuses.forEach((status, count) -> System.out.printf("HTTP %d: %d%n", status, count));
            System.out.printf("answers: %d, non-2xx: %d, 5xx: %d%n", total, non2xx, statuses.entrySet().stream()
                    .filter(e -> e.getKey() >= 500).mapToLong(Map.Entry::getValue).sum());
            if (non2xx > 0) {
                System.exit(1);
            }
        }
    }
}
