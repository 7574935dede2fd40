package dev.latchkey.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.latchkey.server.config.AuthSettings;
import dev.latchkey.server.config.ConfigLoader;
import dev.latchkey.server.support.LogCapture;
import dev.latchkey.server.support.TestServer;

/** X-Forwarded-For is believed only from a trusted proxy. */
class ClientIpTest {
    @TempDir
    Path dir;

    private static int acceptedBefore429(TestServer server) {
        return acceptedBefore429(server, i -> "198.18.0." + i);
    }

    /** How many of 30 reset requests, the {@code i}th forwarded for {@code forwardedFor(i)}, pass before a 429. */
    private static int acceptedBefore429(TestServer server, IntFunction<String> forwardedFor) {
        for (int i = 0; i < 30; i++) {
            int status = server.post("/api/v1/password-resets", "{\"email\":\"p" + i + "@example.com\"}",
                    forwardedFor.apply(i), null).status();
            if (status == 429) {
                return i;
            }
        }
        return 30;
    }

    @Test
    void forwardedForWhenPeerNotTrustedThenIgnored() {
        try (TestServer server = TestServer.start(dir, Map.of("auth.trusted-proxies", ""))) {
            // Every request names another IP, but all come from one untrusted peer: one limit for all.
            assertThat(acceptedBefore429(server)).isEqualTo(20);
        }
    }

    @Test
    void forwardedForWhenPeerTrustedThenBelieved() {
        try (TestServer server = TestServer.start(dir)) {
            assertThat(acceptedBefore429(server)).isEqualTo(30);
        }
    }

    /** The distribution's file binds loopback behind a proxy on the same machine: that proxy is trusted. */
    @Test
    void shippedConfigWhenBehindALocalProxyThenEachForwardedClientHasItsOwnBudget() {
        AuthSettings shipped = AuthSettings.from(ConfigLoader.load(
                Optional.of(Path.of("src/dist/config/latchkey.yaml")), Map.of("auth.data-dir", dir.toString())));
        assertThat(shipped.trustedProxies()).contains("127.0.0.1", "::1");
        try (TestServer server = TestServer.start(dir,
                Map.of("auth.trusted-proxies", String.join(",", shipped.trustedProxies())))) {
            assertThat(acceptedBefore429(server)).isEqualTo(30);
        }
    }

    @Test
    void forwardedFromLoopbackWhenNoTrustedProxyThenOneWarning() {
        try (LogCapture log = new LogCapture();
             TestServer server = TestServer.start(dir, Map.of("auth.trusted-proxies", ""))) {
            acceptedBefore429(server);
            server.send(server.request("/api/v1/password-policy", "198.18.0.1", null)
                    .header("Forwarded", "for=198.18.0.1").GET());
            assertThat(log.text().lines().filter(line -> line.contains("auth.trusted-proxies"))).hasSize(1);
        }
    }

    @Test
    void forwardedFromLoopbackWhenNotForwardedThenNoWarning() {
        try (LogCapture log = new LogCapture();
             TestServer server = TestServer.start(dir, Map.of("auth.trusted-proxies", ""))) {
            server.send(HttpRequest.newBuilder(URI.create(server.server().baseUri() + "/api/v1/password-policy"))
                    .GET());
            assertThat(log.text()).doesNotContain("auth.trusted-proxies");
        }
    }

    @Test
    void forwardedForWhenAnEntryCarriesAPortThenItsAddressIsTheClient() {
        try (TestServer server = TestServer.start(dir)) {
            assertThat(acceptedBefore429(server, i -> "198.51.100.7:" + (40000 + i))).isEqualTo(20);
            assertThat(acceptedBefore429(server, i -> "[2001:db8:5::1]:" + (40000 + i))).isEqualTo(20);
            assertThat(acceptedBefore429(server, i -> "198.51.100.8")).as("another address, its own budget")
                    .isEqualTo(20);
        }
    }

    @Test
    void forwardedForWhenAnEntryIsNotAnAddressThenNotItsOwnBudget() {
        try (TestServer server = TestServer.start(dir)) {
            assertThat(acceptedBefore429(server, i -> List.of("unknown", "client-" + i + ".example", "_hidden" + i,
                    "garbage " + i).get(i % 4))).isEqualTo(20);
        }
    }
}
