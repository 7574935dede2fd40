package dev.latchkey.server.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import dev.latchkey.api.Role;
import dev.latchkey.server.AuthServer;
import dev.latchkey.server.config.ConfigLoader;
import dev.latchkey.server.password.Passwords;
import dev.latchkey.server.user.Users;

/**
 * Measures {@code POST /api/v1/password-resets} for a known and an unknown address, interleaved, with
 * rate limits off, against the real server on loopback, and prints median, p95 and mean of each and
 * the difference of the medians; then the same for failed sign-ins with a wrong password and with an
 * unknown address. Not a unit test: run it with {@code bin/bench reset-timing [N]}.
 */
public final class ResetTimingBenchmark {
    private ResetTimingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int warmup = Math.max(200, n / 5);
        Path dir = Files.createTempDirectory("latchkey-bench");
        try (AuthServer server = AuthServer.start(ConfigLoader.load(Optional.empty(), Map.of(
                "auth.data-dir", dir.toString(),
                "server.port", "0",
                "auth.rate-limit.enabled", "false")), Clock.systemUTC())) {
            new Users().create(server.database().execute(), "known@example.com", "Known", Role.USER,
                    new Passwords(1).hash("velvet tractor orbits quietly"), Clock.systemUTC().instant());
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            URI uri = URI.create(server.baseUri() + "/api/v1/password-resets");
            long[] known = new long[n];
            long[] unknown = new long[n];
            for (int i = 0; i < warmup + n; i++) {
                // Alternate which goes first, so neither always follows the other's background work.
                boolean knownFirst = i % 2 == 0;
                long a = timeReset(http, uri, knownFirst ? "known@example.com" : "unknown@example.com");
                long b = timeReset(http, uri, knownFirst ? "unknown@example.com" : "known@example.com");
                if (i >= warmup) {
                    known[i - warmup] = knownFirst ? a : b;
                    unknown[i - warmup] = knownFirst ? b : a;
                }
            }
            System.out.printf("POST /api/v1/password-resets, %d requests each, interleaved, rate limits off%n", n);
            print("known email  ", known);
            print("unknown email", unknown);
            System.out.printf("difference of medians: %.3f ms%n", Math.abs(median(known) - median(unknown)) / 1e6);

            // Sign-in: an unknown address must cost what a wrong password costs (a dummy hash is checked).
            URI sessions = URI.create(server.baseUri() + "/api/v1/sessions");
            int m = Math.max(100, n * 3 / 10);
            long[] wrong = new long[m];
            long[] nobody = new long[m];
            for (int i = 0; i < m; i++) {
                boolean wrongFirst = i % 2 == 0;
                long a = timeSignIn(http, sessions, wrongFirst ? "known@example.com" : "nobody@example.com");
                long b = timeSignIn(http, sessions, wrongFirst ? "nobody@example.com" : "known@example.com");
                wrong[i] = wrongFirst ? a : b;
                nobody[i] = wrongFirst ? b : a;
            }
            System.out.printf("POST /api/v1/sessions, %d failed sign-ins each, interleaved%n", m);
            print("wrong password", wrong);
            print("unknown email ", nobody);
            System.out.printf("difference of medians: %.3f ms%n", Math.abs(median(wrong) - median(nobody)) / 1e6);
        }
    }

    /** One request's round trip, checked for the status every request of its kind must get. */
    private static long time(HttpClient http, URI uri, String json, int expected) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        long elapsed = System.nanoTime() - start;
        if (response.statusCode() != expected) {
            throw new IllegalStateException("Unexpected status " + response.statusCode() + ": " + response.body());
        }
        return elapsed;
    }

    private static long timeReset(HttpClient http, URI uri, String email) throws Exception {
        return time(http, uri, "{\"email\":\"" + email + "\"}", 202);
    }

    private static long timeSignIn(HttpClient http, URI uri, String email) throws Exception {
        return time(http, uri, "{\"email\":\"" + email + "\",\"password\":\"not it\"}", 401);
    }

    private static void print(String label, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).average().orElse(0);
        System.out.printf("%s  median %.3f ms  p95 %.3f ms  mean %.3f ms%n", label, median(sorted) / 1e6,
                sorted[(int) Math.ceil(sorted.length * 0.95) - 1] / 1e6, mean / 1e6);
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }
}
