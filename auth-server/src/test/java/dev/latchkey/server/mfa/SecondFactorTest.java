package dev.latchkey.server.mfa;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import dev.latchkey.server.support.Mail;
import dev.latchkey.server.support.OneServerPerClass;
import dev.latchkey.server.support.TestServer;
import dev.latchkey.server.support.TestServer.Response;

import static org.assertj.core.api.Assertions.assertThat;

/** The second factor through the real routes: enrolment, sign-in, and a reset that cannot bypass it. */
class SecondFactorTest extends OneServerPerClass {
    static final String OLD = "velvet tractor orbits quietly";
    static final String NEW = "marble canyon whistles softly";
    private static final AtomicInteger CLIENTS = new AtomicInteger();
    private final Totp totp = new Totp();
    /** Each test from its own address, so per-IP budgets do not run across tests. */
    private final String ip = "198.51.100." + CLIENTS.incrementAndGet();

    /** An account with a confirmed factor: its key and its recovery codes. */
    record Enrolled(String email, String session, byte[] key, List<String> recoveryCodes) {
    }

    private Enrolled enrol() {
        String email = server.newUser("mfa", OLD);
        TestServer.Enrolled enrolled = server.enrolSecondFactor(email, OLD, ip);
        assertThat(enrolled.recoveryCodes()).hasSize(10).doesNotHaveDuplicates()
                .allMatch(code -> code.matches("[2-9a-hj-km-np-tv-z]{4}(-[2-9a-hj-km-np-tv-z]{4}){5}"));
        // The confirming code's step is used: later codes come from the next step on.
        nextStep();
        return new Enrolled(email, enrolled.session(), enrolled.key(), enrolled.recoveryCodes());
    }

    @Test
    void beginWhenEnrollingThenKeyUriNamesIssuerAndAccount() {
        String email = server.newUser("mfa", OLD);
        String session = server.signIn(email, OLD, ip);
        Response begun = server.post("/api/v1/me/second-factor", "{\"currentPassword\":\"" + OLD + "\"}", ip, session);
        assertThat(begun.status()).isEqualTo(201);
        assertThat(begun.json().get("secret").asText()).matches("[A-Z2-7]{32}");
        assertThat(begun.json().get("uri").asText()).startsWith("otpauth://totp/Latchkey:" + email.replace("@", "%40"))
                .contains("secret=" + begun.json().get("secret").asText());
    }

    private String codeNow(byte[] key) {
        return totp.codeAt(key, Totp.stepOf(server.clock.instant()));
    }

    private static void nextStep() {
        server.clock.advance(Totp.STEP);
    }

    private Response signIn(String email, String password, String secondFactor) {
        String factor = secondFactor == null ? "" : ",\"secondFactor\":\"" + secondFactor + "\"";
        return server.post("/api/v1/sessions",
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"" + factor + "}", ip, null);
    }

    private Response complete(String token, String secondFactor) {
        String factor = secondFactor == null ? "" : ",\"secondFactor\":\"" + secondFactor + "\"";
        return server.post("/api/v1/password-resets/complete",
                "{\"token\":\"" + token + "\",\"newPassword\":\"" + NEW + "\"" + factor + "}", ip, null);
    }

    private static void assertError(Response response, int status, String error) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().get("error").asText()).isEqualTo(error);
        assertThat(response.json().get("message").asText()).isNotBlank();
    }

    @Test
    void signInWhenFactorThenPasswordAloneRefusedAndCodeWorksOnce() {
        Enrolled account = enrol();
        assertError(signIn(account.email(), OLD, null), 401, "second_factor_required");
        String code = codeNow(account.key());
        assertThat(signIn(account.email(), OLD, code).status()).isEqualTo(201);
        assertError(signIn(account.email(), OLD, code), 401, "invalid_second_factor");
        Response status = server.get("/api/v1/me/second-factor", account.session());
        assertThat(status.json().get("enabled").asBoolean()).isTrue();
        assertThat(status.json().get("recoveryCodesLeft").asInt()).isEqualTo(10);
    }

    @Test
    void signInWhenWrongPasswordThenSameAnswerAsUnknownAddressWhateverTheCode() {
        Enrolled account = enrol();
        Response wrong = signIn(account.email(), "not the password at all", codeNow(account.key()));
        Response unknown = signIn("nobody-" + ip + "@example.com", "not the password at all", "123456");
        assertError(wrong, 401, "invalid_credentials");
        assertThat(wrong.body()).isEqualTo(unknown.body());
    }

    @Test
    void signInWhenCodeTwoStepsAwayThenRefused() {
        Enrolled account = enrol();
        long step = Totp.stepOf(server.clock.instant());
        assertError(signIn(account.email(), OLD, totp.codeAt(account.key(), step + 2)), 401, "invalid_second_factor");
        assertError(signIn(account.email(), OLD, totp.codeAt(account.key(), step - 2)), 401, "invalid_second_factor");
        assertThat(signIn(account.email(), OLD, totp.codeAt(account.key(), step + 1)).status()).isEqualTo(201);
        assertError(signIn(account.email(), OLD, totp.codeAt(account.key(), step)), 401, "invalid_second_factor");
    }

    @Test
    void recoveryCodeWorksOnceAndTheOwnerIsEmailed() {
        Enrolled account = enrol();
        String code = account.recoveryCodes().get(3);
        assertThat(signIn(account.email(), OLD, code.toUpperCase().replace("-", " ")).status()).isEqualTo(201);
        assertError(signIn(account.email(), OLD, code), 401, "invalid_second_factor");
        assertThat(server.get("/api/v1/me/second-factor", account.session()).json().get("recoveryCodesLeft").asInt())
                .isEqualTo(9);
        assertThat(subjects(account.email())).contains("A recovery code of your Latchkey account was used");
    }

    @Test
    void enrolmentCountsOnlyAfterItsFirstCode() {
        String email = server.newUser("mfa", OLD);
        String session = server.signIn(email, OLD, ip);
        assertThat(server.post("/api/v1/me/second-factor", "{\"currentPassword\":\"" + OLD + "\"}", ip, session)
                .status()).isEqualTo(201);
        assertThat(signIn(email, OLD, null).status()).isEqualTo(201);
        assertError(server.post("/api/v1/me/second-factor/confirm", "{\"code\":\"000000\"}", ip, session), 400,
                "invalid_second_factor");
        assertThat(server.get("/api/v1/me/second-factor", session).json().get("enabled").asBoolean()).isFalse();
        assertError(server.post("/api/v1/me/second-factor", "{\"currentPassword\":\"wrong\"}", ip, session), 401,
                "invalid_credentials");
    }

    @Test
    void resetWhenFactorThenCodeNeededAndTokenSurvivesMissingWrongAndUsedCodes() {
        Enrolled account = enrol();
        String used = account.recoveryCodes().get(0);
        assertThat(signIn(account.email(), OLD, used).status()).isEqualTo(201);
        String token = server.requestToken(account.email());
        Response verified = server.post("/api/v1/password-resets/verify", "{\"token\":\"" + token + "\"}", ip, null);
        assertThat(verified.json().get("secondFactor").asBoolean()).isTrue();

        assertError(complete(token, null), 400, "second_factor_required");
        assertError(complete(token, "000000".equals(codeNow(account.key())) ? "111111" : "000000"), 400,
                "invalid_second_factor");
        assertError(complete(token, used), 400, "invalid_second_factor");
        assertThat(server.post("/api/v1/password-resets/verify", "{\"token\":\"" + token + "\"}", ip, null).status())
                .as("the token is still usable").isEqualTo(200);
        assertThat(signIn(account.email(), NEW, null).status()).as("the password is unchanged").isEqualTo(401);

        assertThat(complete(token, codeNow(account.key())).status()).isEqualTo(200);
        nextStep();
        assertError(signIn(account.email(), NEW, null), 401, "second_factor_required");
        assertThat(signIn(account.email(), NEW, codeNow(account.key())).status())
                .as("a reset never removes the factor").isEqualTo(201);
    }

    @Test
    void resetWhenCompletedWithARecoveryCodeThenItWorks() {
        Enrolled account = enrol();
        String token = server.requestToken(account.email());
        assertThat(complete(token, account.recoveryCodes().get(9)).status()).isEqualTo(200);
    }

    @Test
    void resetWhenTooManyWrongCodesThenTokenEndsOwnerEmailedAndCodesRefusedForAWhile() throws Exception {
        Enrolled account = enrol();
        String token = server.requestToken(account.email());
        String wrong = "000000".equals(codeNow(account.key())) ? "111111" : "000000";
        for (int i = 0; i < 4; i++) {
            assertError(complete(token, wrong), 400, "invalid_second_factor");
        }
        assertThat(server.post("/api/v1/password-resets/verify", "{\"token\":\"" + token + "\"}", ip, null).status())
                .isEqualTo(200);
        assertError(complete(token, wrong), 400, "invalid_second_factor");
        assertError(complete(token, codeNow(account.key())), 400, "invalid_token");
        Response throttled = signIn(account.email(), OLD, codeNow(account.key()));
        assertError(throttled, 429, "rate_limited");
        assertThat(throttled.header("Retry-After")).isNotNull();
        assertThat(subjects(account.email())).contains("Someone is trying codes on your Latchkey account");
        MimeMessage warning = server.messagesTo(account.email()).stream()
                .filter(m -> subject(m).startsWith("Someone is trying codes")).findFirst().orElseThrow();
        assertThat(Mail.text(warning)).contains("someone entered your password").contains(ip)
                .containsPattern(TestServer.REPORT_LINK.pattern());

        server.clock.advance(Duration.ofMinutes(16));
        assertThat(signIn(account.email(), OLD, codeNow(account.key())).status()).isEqualTo(201);
    }

    @Test
    void removeWhenPasswordAndCodeThenGoneAndOwnerEmailed() {
        Enrolled account = enrol();
        assertError(server.post("/api/v1/me/second-factor/remove", "{\"currentPassword\":\"" + OLD + "\"}", ip,
                account.session()), 401, "second_factor_required");
        Response removed = server.post("/api/v1/me/second-factor/remove",
                "{\"currentPassword\":\"" + OLD + "\",\"secondFactor\":\"" + codeNow(account.key()) + "\"}", ip,
                account.session());
        assertThat(removed.status()).isEqualTo(204);
        assertThat(signIn(account.email(), OLD, null).status()).isEqualTo(201);
        assertThat(subjects(account.email())).contains("A second factor was added to your Latchkey account",
                "The second factor of your Latchkey account was removed");
        assertError(server.post("/api/v1/me/second-factor/remove", "{\"currentPassword\":\"" + OLD + "\"}", ip,
                account.session()), 409, "conflict");
    }

    @Test
    void recoveryCodesWhenReplacedThenOldOnesStopWorking() {
        Enrolled account = enrol();
        Response replaced = server.post("/api/v1/me/second-factor/recovery-codes",
                "{\"currentPassword\":\"" + OLD + "\",\"secondFactor\":\"" + codeNow(account.key()) + "\"}", ip,
                account.session());
        assertThat(replaced.status()).isEqualTo(200);
        String fresh = replaced.json().get("recoveryCodes").get(0).asText();
        assertThat(account.recoveryCodes()).doesNotContain(fresh);
        assertError(signIn(account.email(), OLD, account.recoveryCodes().get(0)), 401, "invalid_second_factor");
        assertThat(signIn(account.email(), OLD, fresh).status()).isEqualTo(201);
    }

    @Test
    void reportOfASecondFactorEmailHoldsTheAccount() throws Exception {
        Enrolled account = enrol();
        MimeMessage added = server.messagesTo(account.email()).stream()
                .filter(m -> subject(m).startsWith("A second factor was added")).findFirst().orElseThrow();
        String report = TestServer.reportTokenIn(Mail.text(added));
        Response view = server.post("/api/v1/reports/verify", "{\"token\":\"" + report + "\"}", ip, null);
        assertThat(view.json().get("event").asText()).isEqualTo("SECOND_FACTOR");
        Response confirmed = server.post("/api/v1/reports", "{\"token\":\"" + report + "\"}", ip, null);
        assertThat(confirmed.json().get("held").asBoolean()).isTrue();
        assertThat(server.get("/api/v1/me", account.session()).status()).isEqualTo(401);
    }

    @Test
    void hostileInputInTheNewFieldsGets400() {
        Enrolled account = enrol();
        for (String body : List.of("{\"email\":\"" + account.email() + "\",\"password\":\"" + OLD + "\",\"secondFactor\":123456}",
                "{\"email\":\"" + account.email() + "\",\"password\":\"" + OLD + "\",\"secondFactor\":[\"1\"]}",
                "{\"email\":\"" + account.email() + "\",\"password\":\"" + OLD + "\",\"secondFactor\":\"" + "9".repeat(65) + "\"}",
                "{\"email\":\"" + account.email() + "\",\"password\":\"" + OLD + "\",\"secondFactor\":\"12\\u00003456\"}")) {
            Response response = server.post("/api/v1/sessions", body, ip, null);
            assertError(response, 400, "invalid_request");
            assertThat(response.json().get("message").asText()).contains("secondFactor");
        }
        Response odd = signIn(account.email(), OLD, "' OR 1=1 --\u202e١٢٣٤٥٦");
        assertError(odd, 401, "invalid_second_factor");
        assertError(server.post("/api/v1/me/second-factor/confirm", "{\"code\":true}", ip, account.session()), 400,
                "invalid_request");
        assertError(server.post("/api/v1/me/second-factor/confirm", "{}", ip, account.session()), 400,
                "invalid_request");
    }

    private static List<String> subjects(String email) {
        return server.messagesTo(email).stream().map(SecondFactorTest::subject).toList();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new AssertionError(e);
        }
    }
}
