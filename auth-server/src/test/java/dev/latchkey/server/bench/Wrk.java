package dev.latchkey.server.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.latchkey.api.Role;
import dev.latchkey.server.db.Database;
import dev.latchkey.server.password.Passwords;
import dev.latchkey.server.user.Users;

/**
 * {@code wrk} sending {@link #RESETS} or {@link #SIGN_INS} against the 50 known addresses of
 * {@link #addKnownUsers}. Counts every status.
 */
final class Wrk {
    private static final Pattern STATUS = Pattern.compile("^status (\\d+): (\\d+)$");
    private static final Pattern RATE = Pattern.compile("^Requests/sec:\\s+([\\d.]+)");
    private static final Pattern PERCENTILE = Pattern.compile("^(50|99)(?:\\.000)?%\\s+([\\d.]+)(us|ms|s)$");
    private static final String COUNT_STATUSES = """
            function response(status, headers, body) statuses[status] = (statuses[status] or 0) + 1 end
            function done(summary, latency, requests)
              for _, t in ipairs(threads) do
                for status, count in pairs(t:get("statuses")) do io.write("status " .. status .. ": " .. count .. "\\n") end
              end
            end
            """;
    static final String PASSWORD = "velvet tractor orbits quietly";
    /** {@code POST /api/v1/password-resets}: half the requests for the known addresses, half for ever new unknown ones. */
    static final String RESETS = """
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
            """ + COUNT_STATUSES;
    /** {@code POST /api/v1/sessions}: the known addresses in turn, each with its right password. */
    static final String SIGN_INS = """
            local threads = {}
            function setup(thread) table.insert(threads, thread) end
            function init(args) statuses = {}; n = math.random(0, 49) end
            function request()
              n = n + 1
              return wrk.format("POST", "/api/v1/sessions", {["Content-Type"] = "application/json"},
                '{"email":"known' .. (n % 50) .. '@example.com","password":"@PASSWORD@"}')
            end
            """.replace("@PASSWORD@", PASSWORD) + COUNT_STATUSES;

    private Wrk() {
    }

    /** What one run measured: wrk's own lines, the rate, p50 and p99 in milliseconds, and each status's count. */
    record Result(List<String> output, double requestsPerSecond, double p50Millis, double p99Millis,
                  Map<Integer, Long> statuses) {
        long answers() {
            return statuses.values().stream().mapToLong(Long::longValue).sum();
        }

        long non2xx() {
            return statuses.entrySet().stream().filter(e -> e.getKey() / 100 != 2).mapToLong(Map.Entry::getValue)
                    .sum();
        }
    }

    /** The 50 known addresses the requests name. */
    static void addKnownUsers(Database db) {
        String hash = new Passwords(1).hash(PASSWORD);
        Users users = new Users();
        for (int i = 0; i < 50; i++) {
            users.create(db.execute(), "known" + i + "@example.com", "Known " + i, Role.USER, hash,
                    Clock.systemUTC().instant());
        }
    }

    static Result run(URI target, int connections, int seconds) throws IOException, InterruptedException {
        return run(target, connections, seconds, RESETS);
    }

    static Result run(URI target, int connections, int seconds, String lua) throws IOException, InterruptedException {
        Path script = Files.createTempFile("latchkey-wrk", ".lua");
        Files.writeString(script, lua);
        Process wrk = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--latency",
                "-s", script.toString(), target.toString())
                .redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        Map<Integer, Long> statuses = new TreeMap<>();
        double rate = 0;
        double[] percentiles = new double[2];
        try (BufferedReader out = new BufferedReader(new InputStreamReader(wrk.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                String text = line.strip();
                Matcher status = STATUS.matcher(text);
                Matcher requests = RATE.matcher(text);
                Matcher percentile = PERCENTILE.matcher(text);
                if (status.matches()) {
                    statuses.merge(Integer.parseInt(status.group(1)), Long.parseLong(status.group(2)), Long::sum);
                    continue;
                }
                if (requests.find()) {
                    rate = Double.parseDouble(requests.group(1));
                } else if (percentile.matches()) {
                    percentiles[percentile.group(1).equals("50") ? 0 : 1] = millis(percentile.group(2),
                            percentile.group(3));
                }
                output.add(line);
            }
        }
        Files.delete(script);
        if (wrk.waitFor() != 0) {
            throw new IOException("wrk failed with exit code " + wrk.exitValue() + ": " + output);
        }
        return new Result(output, rate, percentiles[0], percentiles[1], statuses);
    }

    private static double millis(String value, String unit) {
        double v = Double.parseDouble(value);
        return switch (unit) {
            case "us" -> v / 1000;
            case "s" -> v * 1000;
            default -> v;
        };
    }
}
