package dev.latchkey.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.latchkey.server.support.TestServer;
import dev.latchkey.server.support.TestServer.Response;

/** Trusted proxies as CIDR ranges; health details only for the machine itself, its answer kept a second. */
class OperatorSettingsTest {
    @TempDir
    Path dir;

    @Test
    void trustedProxiesWhenCidrRangesThenEveryAddressInsideIsTrusted() throws Exception {
        IpRange v4 = IpRange.parse("10.0.0.0/8");
        assertThat(v4.contains(InetAddress.getByName("10.200.3.4"))).isTrue();
        assertThat(v4.contains(InetAddress.getByName("11.0.0.1"))).isFalse();
        IpRange v6 = IpRange.parse("fd00::/8");
        assertThat(v6.contains(InetAddress.getByName("fd12:3456::1"))).isTrue();
        assertThat(v6.contains(InetAddress.getByName("fe80::1"))).isFalse();
        assertThat(IpRange.parse("192.168.1.7").contains(InetAddress.getByName("192.168.1.8"))).isFalse();
        // Not literals: refused without a DNS look-up (getByName would look "999.999.999.999" up as a name).
        assertThat(IpRange.literal("999.999.999.999")).isEmpty();
        assertThat(IpRange.literal("256.1.1.1")).isEmpty();
        assertThat(IpRange.literal("1.2.3.4.5")).isEmpty();
        assertThat(IpRange.literal("localhost")).isEmpty();
        assertThat(IpRange.literal("192.0.2.1")).contains(InetAddress.getByName("192.0.2.1"));
        assertThatThrownBy(() -> new ClientIp(List.of("proxy.example.com"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClientIp(List.of("10.0.0.0/33"))).isInstanceOf(IllegalArgumentException.class);
        try (TestServer server = TestServer.start(dir, Map.of("auth.trusted-proxies", "127.0.0.0/8"))) {
            int accepted = 0;
            for (int i = 0; i < 25; i++) {
                if (server.post("/api/v1/password-resets", "{\"email\":\"c" + i + "@example.com\"}", "198.18.1." + i,
                        null).status() == 202) {
                    accepted++;
                }
            }
            assertThat(accepted).as("each forwarded client has its own budget").isEqualTo(25);
        }
    }

    @Test
    void rangeWhenWrittenAsHexThenItsFirstAndLastAddressBoundEveryAddressInside() throws Exception {
        IpRange slash64 = IpRange.parse("2001:db8:1:2::/64");
        assertThat(slash64.firstHex()).isEqualTo("20010db8000100020000000000000000");
        assertThat(slash64.lastHex()).isEqualTo("20010db800010002ffffffffffffffff");
        IpRange slash60 = IpRange.parse("2001:db8:1:2a::/60");
        assertThat(slash60.firstHex()).isEqualTo("20010db8000100200000000000000000");
        assertThat(slash60.lastHex()).isEqualTo("20010db80001002fffffffffffffffff");
        String inside = IpRange.hex(InetAddress.getByName("2001:db8:1:2f:ffff::1"));
        assertThat(inside).isBetween(slash60.firstHex(), slash60.lastHex());
        assertThat(IpRange.hex(InetAddress.getByName("2001:db8:1:30::"))).isGreaterThan(slash60.lastHex());
    }

    @Test
    void serverWhenHostIsAnIpv6LiteralThenItsUrlsHaveBrackets() {
        try (TestServer server = TestServer.start(dir, Map.of("server.host", "::1"))) {
            assertThat(server.server().publicUrl().toString()).isEqualTo("http://[::1]:" + server.server().port());
            assertThat(server.get("/api/v1/password-policy", null).status()).isEqualTo(200);
        }
    }

    @Test
    void healthWhenRemoteCallerThenStatusOnlyAndWhenLoopbackThenDetails() {
        try (TestServer server = TestServer.start(dir)) {
            Response local = server.send(server.request("/observe/health", "127.0.0.1", null).GET());
            assertThat(local.status()).isEqualTo(200);
            assertThat(local.body()).contains("\"status\"").contains("UP");
            Response remote = server.send(server.request("/observe/health", "203.0.113.9", null).GET());
            assertThat(remote.status()).isEqualTo(204);
            assertThat(remote.body()).isEmpty();
            assertThat(remote.header("Cache-Control")).isEqualTo("no-store");
        }
        try (TestServer server = TestServer.start(dir, Map.of("auth.health.details-for-all", "true"))) {
            Response remote = server.send(server.request("/observe/health", "203.0.113.9", null).GET());
            assertThat(remote.status()).isEqualTo(200);
            assertThat(remote.body()).contains("UP");
        }
    }

    @Test
    void healthWhenTheDatabaseGoesDownThenTheLastSecondsAnswerAndThen503() {
        try (TestServer server = TestServer.start(dir)) {
            assertThat(remoteHealth(server).status()).isEqualTo(204);
            server.server().database().close();

            // Within the second the answer is the one kept: no query per request.
            assertThat(remoteHealth(server).status()).isEqualTo(204);
            server.clock.advance(Duration.ofSeconds(1));
            assertThat(remoteHealth(server).status()).isEqualTo(503);
        }
    }

    private static Response remoteHealth(TestServer server) {
        return server.send(server.request("/observe/health", "203.0.113.9", null).GET());
    }

    @Test
    void observeWhenForwardedOrNotFromLoopbackThenNotThisMachine() {
        assertThat(ClientIp.isThisMachine("127.0.0.1", List.of(), false)).isTrue();
        assertThat(ClientIp.isThisMachine("::1", List.of("127.0.0.1"), false)).isTrue();
        // A host in a trusted proxy range claiming to forward for 127.0.0.1 is still that host.
        assertThat(ClientIp.isThisMachine("10.0.0.5", List.of("127.0.0.1"), false)).isFalse();
        // A proxy on this machine forwarding a stranger, trusted or not.
        assertThat(ClientIp.isThisMachine("127.0.0.1", List.of("203.0.113.9"), false)).isFalse();
        assertThat(ClientIp.isThisMachine("127.0.0.1", List.of("127.0.0.1, 203.0.113.9"), false)).isFalse();
        assertThat(ClientIp.isThisMachine("127.0.0.1", List.of("localhost"), false)).isFalse();
        assertThat(ClientIp.isThisMachine("127.0.0.1", List.of(), true)).isFalse();
    }
}
