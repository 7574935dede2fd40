package dev.latchkey.server.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.latchkey.api.Role;
import dev.latchkey.i18n.BundleAudit;
import dev.latchkey.i18n.Languages;
import dev.latchkey.password.PasswordPolicy;
import dev.latchkey.password.PasswordRule;
import dev.latchkey.server.support.LogCapture;
import dev.latchkey.server.support.Mail;
import dev.latchkey.server.support.TestServer;
import dev.latchkey.server.support.TestServer.Response;

/**
 * Issue 12 on the server: the API answers in the request's language, and emails are written in the
 * language of the client that asked for them, or the account's, with times in its zone or in UTC.
 */
class LanguageTest {
    private static final String PASSWORD = "velvet tractor orbits quietly";
    private static final String NEW_PASSWORD = "copper lantern drifts at noon";
    private static final Locale GERMAN = Locale.GERMAN;
    private static final Locale FRENCH = Locale.FRENCH;
    private static final Locale ARABIC = Locale.forLanguageTag("ar");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @TempDir
    Path dir;

    @Test
    void bundleWhenEveryLanguageThenComplete() {
        assertThat(new BundleAudit(Path.of("src/main/resources/dev/latchkey/server/i18n/messages.properties"),
                value -> true, Map.of("page.common.documentTitle", "only the page's name and the brand",
                        "page.reset.rule.state", "only a rule and its state, joined by a colon")).problems()).isEmpty();
    }

    @Test
    void resetWhenAskedInGermanForAnAccountInFrenchThenFrenchEmailInTheAccountsZoneNotTheAskers() throws Exception {
        try (TestServer server = TestServer.start(dir)) {
            String email = server.newUser("anna", PASSWORD);
            // The owner signed in once from Berlin, in French: that is the account's language and zone.
            server.send(json(server, "/api/v1/sessions", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD
                    + "\"}").header("Accept-Language", "fr").header("X-Time-Zone", "Europe/Berlin"));
            Response asked = server.send(json(server, "/api/v1/password-resets", "{\"email\":\"" + email + "\"}")
                    .header("Accept-Language", "de-DE,de;q=0.9,en;q=0.5").header("X-Time-Zone", "Asia/Tokyo"));
            server.flushMail();

            // The answer is the asker's; the email is the account's.
            assertThat(asked.status()).isEqualTo(202);
            assertThat(asked.json().get("message").asText())
                    .isEqualTo(Texts.get(GERMAN, "api.reset.accepted", 30));
            MimeMessage message = server.messagesTo(email).get(0);
            assertThat(message.getSubject()).isEqualTo(Texts.get(FRENCH, "mail.reset.subject"));
            String until = new Reader(FRENCH, Optional.of(BERLIN)).when(server.clock.instant().plus(Duration.ofMinutes(30)));
            assertThat(Mail.text(message)).contains(Texts.get(FRENCH, "mail.worksUntil", until),
                    Texts.get(FRENCH, "mail.greeting", email.substring(0, email.indexOf('@'))));
            assertThat(Mail.html(message)).contains("<html lang=\"fr\">");
        }
    }

    @Test
    void resetWhenAccountHasNoLanguageThenTheRequestsLanguageInUtcNotTheAskersZone() throws Exception {
        try (TestServer server = TestServer.start(dir)) {
            String email = server.newUser("lena", PASSWORD);
            server.send(json(server, "/api/v1/password-resets", "{\"email\":\"" + email + "\"}")
                    .header("Accept-Language", "de").header("X-Time-Zone", "Asia/Tokyo"));
            server.flushMail();

            MimeMessage message = server.messagesTo(email).get(0);
            assertThat(message.getSubject()).isEqualTo(Texts.get(GERMAN, "mail.reset.subject"));
            String until = new Reader(GERMAN, Optional.empty()).when(server.clock.instant().plus(Duration.ofMinutes(30)));
            assertThat(Mail.text(message)).contains(Texts.get(GERMAN, "mail.worksUntil", until)).contains("UTC");
        }
    }

    @Test
    void resetAnswerWhenTokensWorkUnderAMinuteThenSecondsInEveryLanguage() {
        try (TestServer server = TestServer.start(dir, Map.of("auth.reset.token-ttl", "PT45S"))) {
            for (Locale language : Languages.SUPPORTED) {
                Response asked = server.send(json(server, "/api/v1/password-resets", "{\"email\":\"x@example.com\"}")
                        .header("Accept-Language", language.toLanguageTag()));
                assertThat(asked.json().get("message").asText()).as(language.toLanguageTag())
                        .isEqualTo(Texts.get(language, "api.reset.accepted.seconds", 45)).contains("45");
            }
            assertThat(server.post("/api/v1/password-resets", "{\"email\":\"x@example.com\"}").json().get("message")
                    .asText()).endsWith("They work for 45 seconds.");
        }
        try (TestServer server = TestServer.start(dir, Map.of("auth.reset.token-ttl", "PT1M30S"))) {
            assertThat(server.post("/api/v1/password-resets", "{\"email\":\"x@example.com\"}").json().get("message")
                    .asText()).endsWith("They work for 1 minute.");
        }
    }

    @Test
    void requestWhenKnownOrUnknownAddressThenTheSameAnswerInEveryLanguageAndZone() {
        try (TestServer server = TestServer.start(dir)) {
            String email = server.newUser("enum", PASSWORD);
            int n = 0;
            for (Locale language : Languages.SUPPORTED) {
                for (String zone : new String[] {null, "Europe/Berlin", "Not/A_Zone"}) {
                    Response known = server.send(withZone(json(server, "/api/v1/password-resets",
                            "{\"email\":\"" + email + "\"}").header("Accept-Language", language.toLanguageTag()), zone));
                    Response unknown = server.send(withZone(json(server, "/api/v1/password-resets",
                            "{\"email\":\"nobody-" + n++ + "@example.com\"}")
                            .header("Accept-Language", language.toLanguageTag()), zone));
                    assertThat(known.status()).isEqualTo(unknown.status()).isEqualTo(202);
                    assertThat(known.body()).isEqualTo(unknown.body());
                    assertThat(known.headersWithoutDate()).isEqualTo(unknown.headersWithoutDate());
                }
                server.clock.advance(Duration.ofMinutes(16)); // past the address's and the IP's 15-minute windows
            }
        }
    }

    private static HttpRequest.Builder withZone(HttpRequest.Builder request, String zone) {
        return zone == null ? request : request.header("X-Time-Zone", zone);
    }

    @Test
    void resetWhenAskedInArabicThenRightToLeftWithTheCodeLeftToRight() throws Exception {
        try (TestServer server = TestServer.start(dir)) {
            String email = server.newUser("rtl", PASSWORD);
            server.send(json(server, "/api/v1/password-resets", "{\"email\":\"" + email + "\"}")
                    .header("Accept-Language", "ar"));
            server.flushMail();

            MimeMessage message = server.messagesTo(email).get(0);
            String token = server.latestTokenFor(email);
            assertThat(message.getSubject()).isEqualTo(Texts.get(ARABIC, "mail.reset.subject"));
            assertThat(Mail.html(message)).contains("<html lang=\"ar\" dir=\"rtl\">",
                    "<code dir=\"ltr\" style=\"font-size: 1.1em;\">" + token + "</code>");
            // No zone known: the time is in UTC and says so.
            assertThat(Mail.text(message)).contains(new Reader(ARABIC, Optional.empty())
                    .when(server.clock.instant().plus(Duration.ofMinutes(30)))).contains("UTC");
        }
    }

    @Test
    void accountLanguageWhenSetBySignInThenUsedByEmailsNobodyAskedInALanguage() throws Exception {
        try (TestServer server = TestServer.start(dir)) {
            String email = "claire@example.com";
            long id = server.addUser(email, PASSWORD, Role.USER);
            Response signedIn = server.send(json(server, "/api/v1/sessions",
                    "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}").header("Accept-Language", "fr"));
            assertThat(signedIn.status()).isEqualTo(201);

            // A request without a language (curl), then one in Spanish from whoever knows the address.
            server.post("/api/v1/password-resets", "{\"email\":\"" + email + "\"}");
            server.flushMail();
            assertThat(server.messagesTo(email).get(0).getSubject()).isEqualTo(Texts.get(FRENCH, "mail.reset.subject"));
            server.clock.advance(Duration.ofMinutes(20));
            server.send(json(server, "/api/v1/password-resets", "{\"email\":\"" + email + "\"}")
                    .header("Accept-Language", "es"));
            server.flushMail();
            assertThat(server.messagesTo(email).get(1).getSubject()).isEqualTo(Texts.get(FRENCH, "mail.reset.subject"));

            // The Spanish request proved nothing: the help desk's next email is in French too.
            String staff = "desk@example.com";
            server.addUser(staff, PASSWORD, Role.HELPDESK);
            assertThat(server.post("/api/v1/helpdesk/users/" + id + "/password-reset", "{\"reason\":\"phone call\"}",
                    "127.0.0.1", server.signIn(staff, PASSWORD)).status()).isEqualTo(202);
            server.flushMail();
            MimeMessage fromHelpdesk = server.messagesTo(email).get(2);
            assertThat(fromHelpdesk.getSubject()).isEqualTo(Texts.get(FRENCH, "mail.reset.subject"));
            // The owner did not ask for this one: it says so, not "if you did not ask".
            assertThat(Mail.text(fromHelpdesk)).contains(Texts.get(FRENCH, "mail.helpdeskReset.ignore"))
                    .doesNotContain(Texts.get(FRENCH, "mail.reset.ignore"));
        }
    }

    @Test
    void completeWhenInGermanThenThePasswordChangedEmailAndLaterOnesAreGerman() throws Exception {
        try (TestServer server = TestServer.start(dir)) {
            String email = server.newUser("jonas", PASSWORD);
            String token = server.requestToken(email);
            Response done = server.send(json(server, "/api/v1/password-resets/complete",
                    "{\"token\":\"" + token + "\",\"newPassword\":\"" + NEW_PASSWORD + "\"}")
                    .header("Accept-Language", "de").header("X-Time-Zone", "Europe/Berlin"));
            server.flushMail();

            assertThat(done.json().get("message").asText()).isEqualTo(Texts.get(GERMAN, "api.reset.completed"));
            MimeMessage changed = server.messagesTo(email).get(1);
            assertThat(changed.getSubject()).isEqualTo(Texts.get(GERMAN, "mail.changed.subject"));
            assertThat(Mail.text(changed)).contains(new Reader(GERMAN, Optional.of(BERLIN)).when(server.clock.instant()));
        }
    }

    @Test
    void inviteWhenLanguageGivenThenInvitationInIt() throws Exception {
        try (TestServer server = TestServer.start(dir)) {
            String admin = "admin@example.com";
            server.addUser(admin, PASSWORD, Role.ADMIN);
            String session = server.signIn(admin, PASSWORD);

            Response invited = server.post("/api/v1/helpdesk/users", "{\"email\":\"nuevo@example.com\","
                    + "\"displayName\":\"Nuevo\",\"role\":\"USER\",\"language\":\"es\"}", "127.0.0.1", session);
            Response refused = server.post("/api/v1/helpdesk/users", "{\"email\":\"other@example.com\","
                    + "\"displayName\":\"Other\",\"role\":\"USER\",\"language\":\"tlh\"}", "127.0.0.1", session);
            server.flushMail();

            assertThat(invited.status()).isEqualTo(201);
            assertThat(server.messagesTo("nuevo@example.com").get(0).getSubject())
                    .isEqualTo(Texts.get(Locale.forLanguageTag("es"), "mail.invite.subject"));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().get("message").asText()).contains("en, de, fr, es, ar");
        }
    }

    @Test
    void headersWhenHostileThenEnglishAndUtcNoFailureNothingEchoedOrLogged() throws Exception {
        String[] languages = {"x".repeat(5_000), "de;q=banana,,,;;", "' OR 1=1 --", "ar;q=2,de;q=-1", "*"};
        String[] zones = {"Z".repeat(5_000), "../../etc/passwd", "'; DROP TABLE app_user; --", "Europe/Berlin%0d%0aX-Forged: 1",
                "GMT+99"};
        try (TestServer server = TestServer.start(dir); LogCapture log = new LogCapture()) {
            String email = server.newUser("hostile", PASSWORD);
            for (int i = 0; i < languages.length; i++) {
                Response asked = server.send(json(server, "/api/v1/password-resets", "{\"email\":\"" + email + "\"}")
                        .header("Accept-Language", languages[i]).header("X-Time-Zone", zones[i]));
                Response signIn = server.send(json(server, "/api/v1/sessions",
                        "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}")
                        .header("Accept-Language", languages[i]).header("X-Time-Zone", zones[i]));
                assertThat(asked.status()).isEqualTo(202);
                assertThat(asked.json().get("message").asText())
                        .isEqualTo(Texts.get(Locale.ENGLISH, "api.reset.accepted", 30));
                assertThat(signIn.status()).isEqualTo(201);
                assertThat(asked.body() + signIn.body()).doesNotContain(languages[i]).doesNotContain(zones[i]);
                server.clock.advance(Duration.ofMinutes(16));
            }
            server.flushMail();

            // The account took none of it: English, and times in UTC saying so.
            for (MimeMessage message : server.messagesTo(email)) {
                assertThat(message.getSubject()).isEqualTo(Texts.get(Locale.ENGLISH, "mail.reset.subject"));
                assertThat(Mail.text(message)).contains("UTC");
            }
            for (String hostile : languages) {
                assertThat(log.text()).doesNotContain(hostile);
            }
            for (String hostile : zones) {
                assertThat(log.text()).doesNotContain(hostile);
            }
        }
    }

    @Test
    void inviteWhenLanguageHostileThen400InTheErrorShape() throws Exception {
        try (TestServer server = TestServer.start(dir)) {
            server.addUser("admin@example.com", PASSWORD, Role.ADMIN);
            String session = server.signIn("admin@example.com", PASSWORD);
            String[] values = {"5", "true", "[\"de\"]", "{}", "\"de' OR '1'='1\"", "\"" + "de".repeat(5_000) + "\"",
                    "\"\\u0000de\"", "\"\"", "\"DE\""};
            int n = 0;
            for (String value : values) {
                Response answer = server.post("/api/v1/helpdesk/users", "{\"email\":\"x" + n++ + "@example.com\","
                        + "\"displayName\":\"X\",\"role\":\"USER\",\"language\":" + value + "}", "127.0.0.1", session);
                if (value.equals("\"DE\"")) {
                    assertThat(answer.status()).as("tags are case-insensitive").isEqualTo(201);
                    continue;
                }
                assertThat(answer.status()).as(value).isEqualTo(400);
                assertThat(answer.json().get("error").asText()).isEqualTo("invalid_request");
                assertThat(answer.json().get("message").asText()).contains("language");
            }
        }
    }

    @Test
    void refusalsWhenAskedInALanguageThenInIt() throws Exception {
        try (TestServer server = TestServer.start(dir)) {
            String email = server.newUser("lang", PASSWORD);
            for (Locale language : Languages.SUPPORTED) {
                Response known = server.send(json(server, "/api/v1/sessions",
                        "{\"email\":\"" + email + "\",\"password\":\"wrong wrong wrong wrong\"}")
                        .header("Accept-Language", language.toLanguageTag()));
                Response unknown = server.send(json(server, "/api/v1/sessions",
                        "{\"email\":\"nobody-" + language + "@example.com\",\"password\":\"wrong wrong wrong wrong\"}")
                        .header("Accept-Language", language.toLanguageTag()));
                assertThat(known.json().get("message").asText())
                        .isEqualTo(Texts.get(language, "api.invalidCredentials"));
                // In every language, a known and an unknown address get the same answer.
                assertThat(known.body()).isEqualTo(unknown.body());
                assertThat(known.headersWithoutDate()).isEqualTo(unknown.headersWithoutDate());
            }
            String token = server.requestToken(email);
            Response weak = server.send(json(server, "/api/v1/password-resets/complete",
                    "{\"token\":\"" + token + "\",\"newPassword\":\"password\"}").header("Accept-Language", "fr"));
            assertThat(weak.status()).isEqualTo(422);
            assertThat(weak.json().get("details").get(0).asText())
                    .isEqualTo(PasswordRule.MIN_LENGTH.failure(PasswordPolicy.defaults(), FRENCH));
        }
    }

    private static HttpRequest.Builder json(TestServer server, String path, String body) {
        return server.request(path, "127.0.0.1", null).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }
}
