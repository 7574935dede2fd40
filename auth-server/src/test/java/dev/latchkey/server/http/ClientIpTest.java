package dev.latchkey.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.latchkey.server.support.TestServer;

/** X-Forwarded-For is believed only from a trusted proxy. */
class ClientIpTest {
    @TempDir
    Path dir;

    private static int acceptedBefore429(TestServer server) {
        for (int i = 0; i < 30; i++) {
            int status = server.post("/api/v1/password-resets", "{\"email\":\"p" + i + "@example.com\"}",
                    "198.18.0." + i, null).status();
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
}
