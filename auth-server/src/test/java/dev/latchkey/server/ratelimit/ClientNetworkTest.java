package dev.latchkey.server.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.latchkey.server.support.MutableClock;
import dev.latchkey.server.support.TestServer;

/** IPv6 clients are limited by their /64, and by their /48 too: one customer's network cannot mint fresh budgets. */
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
    void siteWhenIpv6ThenItsSlash48AndOtherwiseNone() {
        assertThat(ClientNetwork.site("2001:db8:1:2::1")).isEqualTo(ClientNetwork.site("2001:db8:1:ffff:1::9"))
                .contains("2001:db8:1:0:0:0:0:0/48");
        assertThat(ClientNetwork.site("2001:db8:2::1")).isNotEqualTo(ClientNetwork.site("2001:db8:1::1"));
        assertThat(ClientNetwork.site("192.0.2.7")).isEmpty();
        assertThat(ClientNetwork.site("not-an-ip")).isEmpty();
    }

    @Test
    void hitWhenOneSlash64SpendsItsBudgetThenItsNeighboursKeepTheSites() {
        MutableClock clock = MutableClock.startingNow();
        Limiter limiter = new TieredLimiter(
                new WindowLimiter(2, Duration.ofMinutes(15), clock, true, ClientNetwork::of),
                new WindowLimiter(8, Duration.ofMinutes(15), clock, true, UnaryOperator.identity()), () -> { });
        for (int i = 0; i < 50; i++) {
            limiter.hit("2001:db8:9:1::" + Integer.toHexString(i + 1));
        }
        assertThat(limiter.hit("2001:db8:9:1::1").allowed()).isFalse();
        for (int net = 2; net <= 4; net++) {
            assertThat(limiter.hit("2001:db8:9:" + net + "::1").allowed()).isTrue();
            assertThat(limiter.hit("2001:db8:9:" + net + "::2").allowed()).isTrue();
        }
        Decision spent = limiter.hit("2001:db8:9:5::1");
        assertThat(spent.allowed()).as("the /48's budget of 8 is spent").isFalse();
        assertThat(spent.retryAfterSeconds()).isEqualTo(900);
        assertThat(limiter.hit("2001:db8:a:5::1").allowed()).as("another /48").isTrue();
        assertThat(limiter.hit("192.0.2.1").allowed()).isTrue();
    }

    @Test
    void refundWhenAttemptTurnedOutFineThenBothTiersGiveItBack() {
        MutableClock clock = MutableClock.startingNow();
        Limiter limiter = new TieredLimiter(
                new WindowLimiter(5, Duration.ofMinutes(15), clock, true, ClientNetwork::of),
                new WindowLimiter(1, Duration.ofMinutes(15), clock, true, UnaryOperator.identity()), () -> { });
        assertThat(limiter.hit("2001:db8:9:1::1").allowed()).isTrue();
        limiter.refund("2001:db8:9:1::1");
        assertThat(limiter.hit("2001:db8:9:2::1").allowed()).isTrue();
        assertThat(limiter.hit("2001:db8:9:3::1").allowed()).isFalse();
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
