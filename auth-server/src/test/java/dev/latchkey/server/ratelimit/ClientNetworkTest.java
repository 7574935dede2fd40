package dev.latchkey.server.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.latchkey.server.support.TestServer;

/** IPv6 clients are limited by their /64: one customer's network cannot mint fresh budgets. */
class ClientNetworkTest {
    @TempDir
    Path dir;

    @Test
    void keyWhenIpv6ThenItsSlash64AndWhenIpv4ThenItself() {
        assertThat(ClientNetwork.of("2001:db8:1:2:aaaa::1")).isEqualTo(ClientNetwork.of("2001:db8:1:2:ffff:1:2:3"))
                .isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(ClientNetwork.of("2001:db8:1:3::1")).isNotEqualTo(ClientNetwork.of("2001:db8:1:2::1"));
        assertThat(ClientNetwork.of("192.0.2.7")).isEqualTo("192.0.2.7");
        assertThat(ClientNetwork.of("not-an-ip")).isEqualTo("not-an-ip");
    }

    @Test
    void resetRequestsWhenEachFromAnotherAddressOfOneSlash64ThenOneBudget() {
        try (TestServer server = TestServer.start(dir)) {
            int accepted = 0;
            for (int i = 1; i <= 25; i++) {
                int status = server.post("/api/v1/password-resets", "{\"email\":\"v6-" + i + "@example.com\"}",
                        "2001:db8:77:1:" + Integer.toHexString(i) + "::" + i, null).status();
                if (status == 202) {
                    accepted++;
                }
            }
            assertThat(accepted).isEqualTo(20);
        }
    }
}
