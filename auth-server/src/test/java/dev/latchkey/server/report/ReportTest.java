package dev.latchkey.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.latchkey.api.Role;
import dev.latchkey.server.db.Rows;
import dev.latchkey.server.support.Mail;
import dev.latchkey.server.support.OneServerPerClass;
import dev.latchkey.server.support.SignInLoops;
import dev.latchkey.server.support.TestServer;
import dev.latchkey.server.support.TestServer.Response;
import dev.latchkey.server.token.Tokens;

/**
 * "Not you?" end to end, through the HTTP API and the emails in the outbox: a reported reset cancels
 * the links and nothing else; a reported password change signs every session out and holds the
 * account, without telling anyone who asks about the address; the case waits for the help desk,
 * which releases the hold with a new reset link.
 */
class ReportTest extends OneServerPerClass {
    static final String PASSWORD = "velvet tractor orbits quietly";
    static final String NEW = "marble canyon whistles softly";

    static String desk;

    @BeforeAll
    static void addStaff() {
        server.addUser("casedesk@example.com", PASSWORD, Role.HELPDESK);
    }

    static String staff() {
        return server.signIn("casedesk@example.com", PASSWORD);
    }

    static String reportTokenIn(MimeMessage message) {
        String token = TestServer.reportTokenIn(Mail.text(message));
        assertThat(Mail.html(message)).as("and in the HTML part").contains("/report#token=" + token);
        return token;
    }

    /** The owner changes their password from a session; returns the report token of the "password changed" email. */
    static String changedEmailReport(String email, String session) {
        Response changed = server.post("/api/v1/me/password", "{\"currentPassword\":\"" + PASSWORD
                + "\",\"newPassword\":\"" + NEW + "\"}", "127.0.0.1", session);
        assertThat(changed.status()).isEqualTo(200);
        List<MimeMessage> mail = server.messagesTo(email);
        MimeMessage last = mail.get(mail.size() - 1);
        assertThat(Mail.text(last)).contains("was changed");
        return reportTokenIn(last);
    }

    private static Response view(String token, String ip) {
        return server.post("/api/v1/reports/verify", "{\"token\":\"" + token + "\"}", ip, null);
    }

    static Response confirm(String token, String ip) {
        return server.post("/api/v1/reports", "{\"token\":\"" + token + "\"}", ip, null);
    }

    /** The case the owner was told to quote {@code reference} for, as the help desk finds it. */
    static long caseId(String reference) {
        assertThat(reference).matches("(?i)[2-9A-HJKMNP-TV-Z]{4}[- ][2-9A-HJKMNP-TV-Z]{4}[- ][2-9A-HJKMNP-TV-Z]{4}");
        JsonNode found = server.get("/api/v1/helpdesk/cases?reference="
                + URLEncoder.encode(reference.toLowerCase(), StandardCharsets.UTF_8), staff()).json();
        assertThat(found.get("total").asInt()).isEqualTo(1);
        return found.get("cases").get(0).get("id").asLong();
    }

    private static JsonNode caseOf(String email) {
        for (JsonNode c : server.get("/api/v1/helpdesk/cases?limit=200", staff()).json().get("cases")) {
            if (email.equals(c.path("userEmail").asText())) {
                return c;
            }
        }
        throw new AssertionError("No case for " + email);
    }

    @Test
    void reportWhenPasswordChangeThenSessionsGoneAccountHeldAndCaseOpen() {
        String email = server.newUser("changed", PASSWORD);
        String session = server.signIn(email, PASSWORD);
        String other = server.signIn(email, PASSWORD);
        String token = changedEmailReport(email, session);
        // The contract's "password changed" email carries no token that sets a password: this one only reports.
        assertThat(server.post("/api/v1/password-resets/verify", "{\"token\":\"" + token + "\"}", "198.51.100.6",
                null).status()).isEqualTo(400);

        Response looked = view(token, "198.51.100.7");
        assertThat(looked.status()).isEqualTo(200);
        assertThat(looked.json().get("event").asText()).isEqualTo("PASSWORD_CHANGED");
        assertThat(looked.json().get("clientIp").asText()).isEqualTo("127.0.0.1");
        assertThat(looked.json().get("email").asText()).doesNotContain(email);
        assertThat(server.get("/api/v1/me", session).status()).as("looking changes nothing").isEqualTo(200);

        Response confirmed = confirm(token, "198.51.100.7");
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.json().get("held").asBoolean()).isTrue();
        assertThat(confirmed.json().get("supportContact").asText()).isNotBlank();
        long reference = caseId(confirmed.json().get("reference").asText());

        assertThat(server.get("/api/v1/me", session).status()).isEqualTo(401);
        assertThat(server.get("/api/v1/me", other).status()).isEqualTo(401);
        JsonNode held = caseOf(email);
        assertThat(held.get("id").asLong()).isEqualTo(reference);
        assertThat(held.get("kind").asText()).isEqualTo("REPORT");
        assertThat(held.get("status").asText()).isEqualTo("OPEN");
        assertThat(held.get("held").asBoolean()).isTrue();
        assertThat(confirm(token, "198.51.100.7").status()).as("the token works once").isEqualTo(400);
    }

    @Test
    void heldAccountWhenRightPasswordOrResetRequestThenAnsweredAsForAnyAddress() {
        String email = server.newUser("held", PASSWORD);
        String token = changedEmailReport(email, server.signIn(email, PASSWORD));
        assertThat(confirm(token, "198.51.100.8").status()).isEqualTo(200);
        int mailBefore = server.messagesTo(email).size();

        Response rightPassword = server.post("/api/v1/sessions", "{\"email\":\"" + email + "\",\"password\":\""
                + NEW + "\"}", "198.51.100.9", null);
        Response unknown = server.post("/api/v1/sessions", "{\"email\":\"nobody-held@example.com\",\"password\":\""
                + NEW + "\"}", "198.51.100.10", null);
        assertThat(rightPassword.status()).isEqualTo(401);
        assertThat(rightPassword.body()).isEqualTo(unknown.body());
        assertThat(rightPassword.headersWithoutDate()).isEqualTo(unknown.headersWithoutDate());

        Response reset = server.post("/api/v1/password-resets", "{\"email\":\"" + email + "\"}", "198.51.100.11", null);
        Response resetUnknown = server.post("/api/v1/password-resets", "{\"email\":\"nobody-held@example.com\"}",
                "198.51.100.12", null);
        assertThat(reset.status()).isEqualTo(202);
        assertThat(reset.body()).isEqualTo(resetUnknown.body());
        assertThat(reset.headersWithoutDate()).isEqualTo(resetUnknown.headersWithoutDate());
        assertThat(server.messagesTo(email)).as("no reset email for a held account").hasSize(mailBefore);
        assertThat(server.auditCount("RESET_REQUEST_HELD_ACCOUNT", email)).isEqualTo(1);

        long id = caseOf(email).get("userId").asLong();
        Response helpdeskReset = server.post("/api/v1/helpdesk/users/" + id + "/password-reset",
                "{\"reason\":\"asked by phone\"}", "127.0.0.1", staff());
        assertThat(helpdeskReset.status()).as("only a release sends a link").isEqualTo(409);
    }

    @Test
    void reportWhenResetEmailThenItsLinksDieAndNothingElseChanges() {
        String email = server.newUser("asked", PASSWORD);
        String session = server.signIn(email, PASSWORD);
        String resetToken = server.requestToken(email);
        List<MimeMessage> mail = server.messagesTo(email);
        String report = reportTokenIn(mail.get(mail.size() - 1));

        assertThat(view(report, "198.51.100.20").json().get("event").asText()).isEqualTo("RESET_REQUESTED");
        assertThat(server.post("/api/v1/password-resets/verify", "{\"token\":\"" + resetToken + "\"}").status())
                .as("looking at the report leaves the reset link working").isEqualTo(200);
        Response confirmed = confirm(report, "198.51.100.20");
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.json().get("held").asBoolean()).isFalse();
        assertThat(confirmed.json().get("message").asText()).contains("Nothing else changed");

        assertThat(server.post("/api/v1/password-resets/verify", "{\"token\":\"" + resetToken + "\"}").status())
                .isEqualTo(400);
        assertThat(server.get("/api/v1/me", session).status()).isEqualTo(200);
        assertThat(server.signIn(email, PASSWORD)).isNotBlank();
        JsonNode opened = caseOf(email);
        assertThat(opened.get("held").asBoolean()).isFalse();
        assertThat(server.auditCount("REPORT_CONFIRMED", email)).isEqualTo(1);
    }

    @Test
    void invitationEmailCarriesAReportLinkForItsEvent() {
        String admin = "caseadmin@example.com";
        server.addUser(admin, PASSWORD, Role.ADMIN);
        Response invited = server.post("/api/v1/helpdesk/users", "{\"email\":\"invitee-report@example.com\","
                + "\"displayName\":\"Invitee\",\"role\":\"USER\"}", "127.0.0.1", server.signIn(admin, PASSWORD));
        assertThat(invited.status()).isEqualTo(201);
        List<MimeMessage> mail = server.messagesTo("invitee-report@example.com");
        String report = reportTokenIn(mail.get(mail.size() - 1));
        assertThat(view(report, "198.51.100.30").json().get("event").asText()).isEqualTo("INVITATION");
    }

    @Test
    void releaseWhenHeldThenOwnerGetsAFreshLinkThatWorks() {
        String email = server.newUser("released", PASSWORD);
        String token = changedEmailReport(email, server.signIn(email, PASSWORD));
        long reference = caseId(confirm(token, "198.51.100.40").json().get("reference").asText());
        String desk = staff();

        Response acknowledged = server.post("/api/v1/helpdesk/cases/" + reference + "/acknowledge", "", "127.0.0.1",
                desk);
        assertThat(acknowledged.status()).isEqualTo(200);
        assertThat(acknowledged.json().at("/summary/status").asText()).isEqualTo("ACKNOWLEDGED");
        Response noted = server.post("/api/v1/helpdesk/cases/" + reference + "/notes",
                "{\"text\":\"Called the owner: they did not change it.\"}", "127.0.0.1", desk);
        assertThat(noted.json().at("/notes/0/text").asText()).isEqualTo("Called the owner: they did not change it.");
        assertThat(noted.json().at("/notes/0/author").asText()).isEqualTo("casedesk@example.com");
        assertThat(noted.json().get("events").findValuesAsText("type")).contains("REPORT_CONFIRMED", "PASSWORD_CHANGED");

        int before = server.messagesTo(email).size();
        Response released = server.post("/api/v1/helpdesk/cases/" + reference + "/release", "", "127.0.0.1", desk);
        assertThat(released.status()).isEqualTo(200);
        assertThat(released.json().at("/summary/held").asBoolean()).isFalse();
        assertThat(server.post("/api/v1/helpdesk/cases/" + reference + "/release", "", "127.0.0.1", desk).status())
                .isEqualTo(409);
        List<MimeMessage> mail = server.messagesTo(email);
        assertThat(mail).hasSize(before + 1);
        assertThat(server.post("/api/v1/sessions", "{\"email\":\"" + email + "\",\"password\":\"" + NEW + "\"}",
                "198.51.100.41", null).status()).as("the reported password no longer signs in").isEqualTo(401);
        String resetToken = server.latestTokenFor(email);
        String chosen = "harbor lantern drifts slowly";
        assertThat(server.post("/api/v1/password-resets/complete", "{\"token\":\"" + resetToken
                + "\",\"newPassword\":\"" + chosen + "\"}").status()).isEqualTo(200);
        assertThat(server.signIn(email, chosen)).isNotBlank();

        Response resolved = server.post("/api/v1/helpdesk/cases/" + reference + "/resolve", "", "127.0.0.1", desk);
        assertThat(resolved.json().at("/summary/status").asText()).isEqualTo("RESOLVED");
        for (String type : List.of("CASE_ACKNOWLEDGED", "CASE_NOTE_ADDED", "ACCOUNT_RELEASED", "CASE_RESOLVED")) {
            assertThat(server.auditCount(type, email)).as(type).isEqualTo(1);
        }
    }

    /** The hold, not only the check before it, keeps a session from being made: sign-ins in flight included. */
    @Test
    void holdWhenSignInsInFlightThenNoSessionSurvivesIt() throws Exception {
        String email = server.newUser("racing", PASSWORD);
        String token = changedEmailReport(email, server.signIn(email, PASSWORD));
        List<String> sessions = SignInLoops.around(server, email, NEW,
                () -> assertThat(confirm(token, "198.51.100.70").status()).isEqualTo(200));
        assertThat(sessions).as("sign-ins succeeded before the hold").isNotEmpty();
        for (String session : sessions) {
            assertThat(server.get("/api/v1/me", session).status()).isEqualTo(401);
        }
    }

    /**
     * A hold invalidates the account's reset tokens, but one the mail sender issued as the hold
     * committed escapes that: the completion itself must see the hold.
     */
    @Test
    void completeWhenTheAccountWasHeldAfterItsTokenWasIssuedThenRefusedAndThePasswordKept() {
        String email = server.newUser("late-token", PASSWORD);
        String resetToken = server.requestToken(email);
        server.db().execute().update("UPDATE app_user SET held_at = ? WHERE email = ?", server.clock.millis(), email);
        String hash = passwordHash(email);
        Response refused = server.post("/api/v1/password-resets/complete", "{\"token\":\"" + resetToken
                + "\",\"newPassword\":\"harbor lantern drifts slowly\"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("error").asText()).isEqualTo("invalid_token");
        assertThat(passwordHash(email)).isEqualTo(hash);
    }

    private static String passwordHash(String email) {
        return server.db().execute().get("SELECT password_hash FROM app_user WHERE email = ?", email)
                .map(row -> Rows.stringOf(row, "password_hash")).orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-1", "99999999999999999999999", "1%0Aforged", "1;DROP%20TABLE%20support_case"})
    void caseWhenIdIsNotACaseNumberThen404InTheErrorShape(String id) {
        String desk = staff();
        for (Response response : List.of(server.get("/api/v1/helpdesk/cases/" + id, desk),
                server.post("/api/v1/helpdesk/cases/" + id + "/acknowledge", "", "127.0.0.1", desk))) {
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.json().get("error").asText()).isEqualTo("not_found");
        }
    }

    @Test
    void noteWhenOddTextThenStoredAsWrittenAndWhenTooLongOrNotTextThen400() {
        String email = server.newUser("noted", PASSWORD);
        String token = changedEmailReport(email, server.signIn(email, PASSWORD));
        long reference = caseId(confirm(token, "198.51.100.80").json().get("reference").asText());
        String desk = staff();
        String path = "/api/v1/helpdesk/cases/" + reference + "/notes";
        // JSON escapes: a right-to-left override, a line break, an emoji, and SQL.
        Response noted = server.post(path, "{\"text\":\"' OR 1=1 -- \\u202e line\\nbreak \\ud83d\\ude00\"}",
                "127.0.0.1", desk);
        assertThat(noted.status()).isEqualTo(200);
        assertThat(noted.json().at("/notes/0/text").asText()).isEqualTo("' OR 1=1 -- \u202e line\nbreak \ud83d\ude00");
        String emoji = "\ud83d\ude00".repeat(1000);
        assertThat(server.post(path, "{\"text\":\"" + emoji + "\"}", "127.0.0.1", desk).json().at("/notes/1/text")
                .asText()).as("1,000 characters outside the BMP fit").isEqualTo("\ud83d\ude00".repeat(1000));
        Response tooLong = server.post(path, "{\"text\":\"" + "x".repeat(1001) + "\"}", "127.0.0.1", desk);
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("message").asText()).contains("text");
        assertThat(server.post(path, "{\"text\":5}", "127.0.0.1", desk).status()).isEqualTo(400);
    }

    @Test
    void reportTokensWhenGuessedFromOneIpThenTheTokenBudgetRunsOutWith429() {
        for (int i = 0; i < 30; i++) {
            assertThat(view("c".repeat(64), "198.51.100.90").status()).isEqualTo(400);
        }
        Response limited = view("c".repeat(64), "198.51.100.90");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isNotBlank();
        assertThat(server.post("/api/v1/password-resets/verify", "{\"token\":\"" + "c".repeat(64) + "\"}",
                "198.51.100.90", null).status()).as("one budget for both kinds of token").isEqualTo(429);
        assertThat(server.auditCountWithDetail("REPORT_TOKEN_REJECTED", "Unknown, expired or used report token"))
                .isGreaterThanOrEqualTo(30);
    }

    @Test
    void reportTokensWhenUnknownExpiredOrMalformedThen400AndNeverStoredRaw() {
        assertThat(view("x".repeat(64), "198.51.100.50").json().get("error").asText()).isEqualTo("invalid_token");
        assertThat(confirm("short", "198.51.100.50").json().get("error").asText()).isEqualTo("invalid_token");
        assertThat(server.post("/api/v1/reports", "{\"token\":5}", "198.51.100.50", null).status()).isEqualTo(400);

        String email = server.newUser("expiring", PASSWORD);
        String token = changedEmailReport(email, server.signIn(email, PASSWORD));
        assertThat(server.db().execute().get("SELECT COUNT(*) AS n FROM report_token WHERE token_hash = ?",
                Tokens.sha256(token)).map(row -> Rows.intOf(row, "n")).orElseThrow()).isEqualTo(1);
        assertThat(server.db().execute().get("SELECT COUNT(*) AS n FROM report_token WHERE token_hash = ?",
                token).map(row -> Rows.intOf(row, "n")).orElseThrow()).isZero();
        server.clock.advance(Duration.ofDays(7).plusMinutes(1));
        try {
            assertThat(confirm(token, "198.51.100.51").status()).isEqualTo(400);
        } finally {
            server.clock.advance(Duration.ofDays(-7).minusMinutes(1));
        }
    }

    @Test
    void caseWhenAboutAStaffAccountThenOnlyAnAdministratorActsOnIt() {
        server.addUser("reported-desk@example.com", PASSWORD, Role.HELPDESK);
        String token = changedEmailReport("reported-desk@example.com",
                server.signIn("reported-desk@example.com", PASSWORD));
        long reference = caseId(confirm(token, "198.51.100.60").json().get("reference").asText());
        for (String action : List.of("acknowledge", "resolve", "release")) {
            assertThat(server.post("/api/v1/helpdesk/cases/" + reference + "/" + action, "", "127.0.0.1", staff())
                    .status()).as(action).isEqualTo(403);
        }
        server.addUser("case-root@example.com", PASSWORD, Role.ADMIN);
        assertThat(server.post("/api/v1/helpdesk/cases/" + reference + "/acknowledge", "", "127.0.0.1",
                server.signIn("case-root@example.com", PASSWORD)).status()).isEqualTo(200);
    }

    @Test
    void casesWhenNotStaffThen401Or403() {
        String email = server.newUser("nosy", PASSWORD);
        assertThat(server.get("/api/v1/helpdesk/cases", null).status()).isEqualTo(401);
        assertThat(server.get("/api/v1/helpdesk/cases", server.signIn(email, PASSWORD)).status()).isEqualTo(403);
        assertThat(server.get("/api/v1/helpdesk/cases/999999", staff()).status()).isEqualTo(404);
        assertThat(server.post("/api/v1/helpdesk/cases/1/notes", "{\"text\":\"\"}", "127.0.0.1", staff()).status())
                .isEqualTo(400);
    }
}
