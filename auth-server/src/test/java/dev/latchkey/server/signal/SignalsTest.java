package dev.latchkey.server.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.latchkey.api.Role;
import dev.latchkey.server.db.Rows;
import dev.latchkey.server.mail.MailStatus;
import dev.latchkey.server.support.LogCapture;
import dev.latchkey.server.support.OneServerPerClass;
import dev.latchkey.server.support.TestServer.Response;

/** Each signal of unusual resets, raised through the API as a stranger would, seen as a case and a log line. */
class SignalsTest extends OneServerPerClass {
    static final String PASSWORD = "velvet tractor orbits quietly";

    @BeforeAll
    static void addStaff() {
        server.addUser("signaldesk@example.com", PASSWORD, Role.HELPDESK);
    }

    private static List<JsonNode> signals(String name) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode c : server.get("/api/v1/helpdesk/cases?limit=200",
                server.signIn("signaldesk@example.com", PASSWORD)).json().get("cases")) {
            if (name.equals(c.path("signal").asText())) {
                found.add(c);
            }
        }
        return found;
    }

    /** The IPs of the events the help desk sees with a case. */
    private static List<String> eventIps(JsonNode listed) {
        JsonNode detail = server.get("/api/v1/helpdesk/cases/" + listed.get("id").asText(),
                server.signIn("signaldesk@example.com", PASSWORD)).json();
        List<String> ips = new ArrayList<>();
        detail.get("events").forEach(event -> ips.add(event.path("ip").asText()));
        return ips;
    }

    private static void askReset(String email, String ip) {
        assertThat(server.post("/api/v1/password-resets", "{\"email\":\"" + email + "\"}", ip, null).status())
                .isEqualTo(202);
    }

    @Test
    void resetsWhenOneIpAsksForTenAddressesThenOneSignalCaseAndOneLogLineWithoutAddresses() {
        try (LogCapture log = new LogCapture()) {
            for (int i = 0; i < 9; i++) {
                askReset("sprayed" + i + "@example.com", "203.0.113.66");
            }
            server.flushMail();
            assertThat(signals("MANY_ADDRESSES_FROM_IP")).extracting(c -> c.get("ip").asText())
                    .doesNotContain("203.0.113.66");
            askReset("sprayed9@example.com", "203.0.113.66");
            askReset("sprayed10@example.com", "203.0.113.66");
            askReset("sprayed0@example.com", "203.0.113.66");
            server.flushMail();

            List<JsonNode> cases = signals("MANY_ADDRESSES_FROM_IP").stream()
                    .filter(c -> c.get("ip").asText().equals("203.0.113.66")).toList();
            assertThat(cases).hasSize(1);
            assertThat(cases.get(0).get("kind").asText()).isEqualTo("SIGNAL");
            assertThat(cases.get(0).get("ip").asText()).isEqualTo("203.0.113.66");
            assertThat(cases.get(0).get("userId").isNull()).isTrue();
            List<String> lines = log.text().lines().filter(l -> l.contains("signal=MANY_ADDRESSES_FROM_IP")).toList();
            assertThat(lines).hasSize(1);
            assertThat(lines.get(0)).contains("ip=203.0.113.66").doesNotContain("@").doesNotContain("sprayed");
            assertThat(log.text()).contains("WARNING");
        }
    }

    @Test
    void tokensWhenOneIpHasTenRejectedThenSignalCase() {
        for (int i = 0; i < 10; i++) {
            server.post("/api/v1/password-resets/verify", "{\"token\":\"" + "a".repeat(63) + i + "\"}",
                    "203.0.113.77", null);
        }
        List<JsonNode> cases = signals("MANY_REJECTED_TOKENS_FROM_IP");
        assertThat(cases).extracting(c -> c.get("ip").asText()).containsOnlyOnce("203.0.113.77");
    }

    @Test
    void resetWhenAskedForAStaffAccountThenSignalCaseNamingTheAccount() {
        long id = server.addUser("signal-admin@example.com", PASSWORD, Role.ADMIN);
        askReset("signal-admin@example.com", "203.0.113.88");
        server.flushMail();
        List<JsonNode> cases = signals("STAFF_ACCOUNT_RESET");
        assertThat(cases).hasSize(1);
        assertThat(cases.get(0).get("userId").asLong()).isEqualTo(id);
        assertThat(cases.get(0).get("userEmail").asText()).isEqualTo("signal-admin@example.com");
    }

    @Test
    void completeWhenFromAnotherNetworkThanTheRequestThenSignalCase() {
        String near = server.newUser("near", PASSWORD);
        askReset(near, "192.0.2.10");
        complete(server.latestTokenFor(near), "192.0.77.10");
        String far = server.newUser("far", PASSWORD);
        askReset(far, "192.0.2.10");
        complete(server.latestTokenFor(far), "198.18.0.10");

        List<JsonNode> cases = signals("FAR_NETWORK_COMPLETE");
        assertThat(cases).extracting(c -> c.get("userEmail").asText()).containsExactly(far);
        assertThat(cases.get(0).get("summary").asText()).contains("192.0.2.10", "198.18.0.10");
    }

    @Test
    void signalsWhenManyAddressesOfOneIpv6Slash64ThenOneClient() {
        for (int i = 1; i <= 10; i++) {
            server.post("/api/v1/password-resets/verify", "{\"token\":\"" + "b".repeat(64) + "\"}",
                    "2001:db8:77:77::" + Integer.toHexString(i), null);
        }
        assertThat(signals("MANY_REJECTED_TOKENS_FROM_IP")).extracting(c -> c.get("ip").asText())
                .contains("2001:db8:77:77:0:0:0:0/64");
    }

    /** Many ISPs hand one customer a /48: its 65,536 /64s share one budget, 4 times a /64's, and one signal. */
    @Test
    void resetsWhenEachFromAnotherSlash64OfOneSlash48ThenRefusedAfterTheSiteBudgetAndOneSignal() {
        int accepted = 0;
        for (int i = 0; i < 1200; i++) {
            int status = server.post("/api/v1/password-resets", "{\"email\":\"site" + i + "@example.com\"}",
                    "2001:db8:48:" + Integer.toHexString(i) + "::1", null).status();
            accepted += status == 202 ? 1 : 0;
        }
        server.flushMail();
        assertThat(accepted).isEqualTo(80);
        assertThat(signals("MANY_ADDRESSES_FROM_IP")).extracting(c -> c.get("ip").asText())
                .containsOnlyOnce("2001:db8:48:0:0:0:0:0/48")
                .noneMatch(ip -> ip.startsWith("2001:db8:48:") && ip.endsWith("/64"));
    }

    @Test
    void resetsWhenSeveralSlash64sOfOneSlash48EachTripTheSignalThenOneCaseForTheSlash48() {
        for (int net = 0; net < 3; net++) {
            for (int i = 0; i < 12; i++) {
                askReset("spread" + net + "-" + i + "@example.com", "2001:db8:4949:" + net + "::" + (i + 1));
            }
        }
        server.flushMail();
        assertThat(signals("MANY_ADDRESSES_FROM_IP")).extracting(c -> c.get("ip").asText())
                .filteredOn(ip -> ip.startsWith("2001:db8:4949:")).as("one case per /48 per window").hasSize(1);
    }

    @Test
    void tokensWhenRejectedFromManySlash64sOfOneSlash48ThenSiteSignal() {
        for (int i = 0; i < 40; i++) {
            server.post("/api/v1/password-resets/verify", "{\"token\":\"" + "f".repeat(64) + "\"}",
                    "2001:db8:4848:" + Integer.toHexString(i) + "::9", null);
        }
        List<JsonNode> site = signals("MANY_REJECTED_TOKENS_FROM_IP").stream()
                .filter(c -> c.get("ip").asText().equals("2001:db8:4848:0:0:0:0:0/48")).toList();
        assertThat(site).hasSize(1);
        assertThat(eventIps(site.get(0))).as("the events of every /64 in the /48")
                .contains("2001:db8:4848:0:0:0:0:9", "2001:db8:4848:27:0:0:0:9");
    }

    @Test
    void caseWhenAboutAnIpv6Slash64ThenItShowsTheEventsOfTheAddressesInIt() {
        server.post("/api/v1/password-resets/verify", "{\"token\":\"" + "g".repeat(64) + "\"}", "2001:db8:70:2::1",
                null);
        server.post("/api/v1/password-resets/verify", "{\"token\":\"" + "g".repeat(64) + "\"}", "2001:db8:71:1::1",
                null);
        for (int i = 1; i <= 10; i++) {
            server.post("/api/v1/password-resets/verify", "{\"token\":\"" + "g".repeat(64) + "\"}",
                    "2001:db8:70:1::" + Integer.toHexString(i), null);
        }
        List<JsonNode> network = signals("MANY_REJECTED_TOKENS_FROM_IP").stream()
                .filter(c -> c.get("ip").asText().equals("2001:db8:70:1:0:0:0:0/64")).toList();
        assertThat(network).hasSize(1);
        assertThat(eventIps(network.get(0))).hasSize(10).allMatch(ip -> ip.startsWith("2001:db8:70:1:0:0:0:"))
                .contains("2001:db8:70:1:0:0:0:1", "2001:db8:70:1:0:0:0:a");
    }

    @Test
    void caseWhenAboutAnIpv4AddressThenItShowsThatAddresssEventsOnly() {
        for (int i = 0; i < 10; i++) {
            server.post("/api/v1/password-resets/verify", "{\"token\":\"" + "h".repeat(64) + "\"}",
                    i == 0 ? "203.0.113.51" : "203.0.113.50", null);
        }
        server.post("/api/v1/password-resets/verify", "{\"token\":\"" + "h".repeat(64) + "\"}", "203.0.113.50",
                null);
        List<JsonNode> address = signals("MANY_REJECTED_TOKENS_FROM_IP").stream()
                .filter(c -> c.get("ip").asText().equals("203.0.113.50")).toList();
        assertThat(address).hasSize(1);
        assertThat(eventIps(address.get(0))).hasSize(10).containsOnly("203.0.113.50");
    }

    @Test
    void completeWhenTheLinkCameFromTheHelpDeskThenNoNetworkToCompare() {
        server.addUser("far-desk@example.com", PASSWORD, Role.HELPDESK);
        String email = server.newUser("helped", PASSWORD);
        long id = server.db().execute().get("SELECT id FROM app_user WHERE email = ?", email)
                .map(row -> Rows.longOf(row, "id")).orElseThrow();
        assertThat(server.post("/api/v1/helpdesk/users/" + id + "/password-reset", "{\"reason\":\"by phone\"}",
                "10.9.0.1", server.signIn("far-desk@example.com", PASSWORD)).status()).isEqualTo(202);
        complete(server.latestTokenFor(email), "172.31.0.9");
        assertThat(signals("FAR_NETWORK_COMPLETE")).extracting(c -> c.get("userEmail").asText()).doesNotContain(email);
    }

    @Test
    void reportTokensWhenOneIpHasTenRejectedThenSignalCase() {
        for (int i = 0; i < 10; i++) {
            server.post("/api/v1/reports/verify", "{\"token\":\"" + "d".repeat(64) + "\"}", "203.0.113.99", null);
        }
        assertThat(signals("MANY_REJECTED_TOKENS_FROM_IP")).extracting(c -> c.get("ip").asText())
                .containsOnlyOnce("203.0.113.99");
    }

    /** A trusted proxy passes on whatever the client put in X-Forwarded-For: none of it reaches a signal. */
    @Test
    void rejectionsWhenForwardedForIsNotAnAddressThenNoForgedLogLineAndNoCase() {
        try (LogCapture log = new LogCapture()) {
            for (int i = 0; i < 12; i++) {
                server.post("/api/v1/password-resets/verify", "{\"token\":\"" + "e".repeat(64) + "\"}",
                        "1.2.3.4 signal=FAKE case=9", null);
            }
            // (The capture also holds the database driver's own trace, which quotes the audit row's values.)
            assertThat(log.text().lines().filter(line -> line.contains(Signals.class.getName())))
                    .noneMatch(line -> line.contains("FAKE"));
        }
        assertThat(signals("MANY_REJECTED_TOKENS_FROM_IP")).extracting(c -> c.get("ip").asText())
                .noneMatch(ip -> ip.contains("FAKE"));
    }

    @Test
    void networkWhenNotAnAddressThenNothingReachesACaseOrALogLine() {
        assertThat(Signals.network("203.0.113.9")).isEqualTo("203.0.113.9");
        assertThat(Signals.network("2001:db8:1:2:3:4:5:6")).isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(Signals.network("1.2.3.4 user=1 role=ADMIN")).isNull();
        assertThat(Signals.network(null)).isNull();
    }

    /** A reset email whose job has no client IP (written before IPs were kept, say) is still sent. */
    @Test
    void resetEmailWhenItsJobHasNoClientIpThenSentWithoutSignals() {
        String email = server.newUser("no-ip", PASSWORD);
        long now = server.clock.millis();
        server.db().execute().insert("INSERT INTO mail_job (kind, recipient, created_at, status, attempts,"
                + " next_attempt_at) VALUES ('PASSWORD_RESET', ?, ?, 'QUEUED', 0, ?)", email, now, now);
        server.flushMail();
        assertThat(server.lastMailJob().status()).isEqualTo(MailStatus.SENT);
    }

    private static void complete(String token, String ip) {
        Response done = server.post("/api/v1/password-resets/complete", "{\"token\":\"" + token
                + "\",\"newPassword\":\"marble canyon whistles softly\"}", ip, null);
        assertThat(done.status()).isEqualTo(200);
    }

    @Test
    void farWhenAnotherSlash16OrSlash48ThenTrueAndAcrossFamiliesOrNonAddressesFalse() {
        assertThat(Signals.far("10.1.2.3", "10.1.200.9")).isFalse();
        assertThat(Signals.far("10.1.2.3", "10.2.2.3")).isTrue();
        assertThat(Signals.far("2001:db8:1::1", "2001:db8:1:ffff::9")).isFalse();
        assertThat(Signals.far("2001:db8:1::1", "2001:db8:2::1")).isTrue();
        assertThat(Signals.far("10.1.2.3", "2001:db8:1::1")).isFalse();
        assertThat(Signals.far("unknown", "10.1.2.3")).isFalse();
    }
}
