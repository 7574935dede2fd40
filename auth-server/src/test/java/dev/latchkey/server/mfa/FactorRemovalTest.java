package dev.latchkey.server.mfa;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.latchkey.api.Role;
import dev.latchkey.server.support.Mail;
import dev.latchkey.server.support.OneServerPerClass;
import dev.latchkey.server.support.TestServer;
import dev.latchkey.server.support.TestServer.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The help desk removes a second factor its owner lost: only after the waiting time, and not when the
 * owner uses the factor or objects meanwhile.
 */
class FactorRemovalTest extends OneServerPerClass {
    static final String PASSWORD = "velvet tractor orbits quietly";
    private static final Duration DELAY = Duration.ofHours(24);
    private static final AtomicInteger CLIENTS = new AtomicInteger();
    private static final AtomicInteger OWNERS = new AtomicInteger();
    private final Totp totp = new Totp();
    private final String ip = "198.51.100." + CLIENTS.incrementAndGet();

    @BeforeAll
    static void staff() {
        server.addUser("removal-admin@example.com", PASSWORD, Role.ADMIN);
        server.addUser("removal-desk@example.com", PASSWORD, Role.HELPDESK);
    }

    /** A fresh session each time: the tests move the clock past a session's lifetime. */
    private static String desk() {
        return server.signIn("removal-desk@example.com", PASSWORD);
    }

    private static String admin() {
        return server.signIn("removal-admin@example.com", PASSWORD);
    }

    /** An account with a factor, as the help desk finds it. */
    private record Owner(long id, String email, TestServer.Enrolled factor) {
    }

    private Owner owner(Role role) {
        String email = "lost-factor-" + OWNERS.incrementAndGet() + "@example.com";
        long id = server.addUser(email, PASSWORD, role);
        TestServer.Enrolled factor = server.enrolSecondFactor(email, PASSWORD, ip);
        server.clock.advance(Totp.STEP);
        return new Owner(id, email, factor);
    }

    private Response requestRemoval(long id, String body, String session) {
        return server.post("/api/v1/helpdesk/users/" + id + "/second-factor-removal", body, ip, session);
    }

    private Response requestRemoval(Owner owner) {
        Response response = requestRemoval(owner.id(), "{\"reason\":\"Lost phone; identity checked by video call\"}",
                desk());
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return response;
    }

    private Response signIn(Owner owner, String secondFactor) {
        String factor = secondFactor == null ? "" : ",\"secondFactor\":\"" + secondFactor + "\"";
        return server.post("/api/v1/sessions",
                "{\"email\":\"" + owner.email() + "\",\"password\":\"" + PASSWORD + "\"" + factor + "}", ip, null);
    }

    private String codeNow(Owner owner) {
        return totp.codeAt(owner.factor().key(), Totp.stepOf(server.clock.instant()));
    }

    private JsonNode helpdeskView(Owner owner) {
        JsonNode found = server.get("/api/v1/helpdesk/users?query=" + owner.email(), desk()).json();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private JsonNode removalCase(Owner owner) {
        for (JsonNode summary : server.get("/api/v1/helpdesk/cases?kind=FACTOR_REMOVAL&userId=" + owner.id(), desk())
                .json().get("cases")) {
            if (summary.get("kind").asText().equals("FACTOR_REMOVAL") && summary.get("userId").asLong() == owner.id()) {
                return server.get("/api/v1/helpdesk/cases/" + summary.get("id").asLong(), desk()).json();
            }
        }
        throw new AssertionError("No second-factor removal case for " + owner.email());
    }

    private List<String> notes(JsonNode detail) {
        return detail.get("notes").findValuesAsText("text");
    }

    private MimeMessage email(Owner owner, String subjectStart) {
        return server.messagesTo(owner.email()).stream().filter(m -> subject(m).startsWith(subjectStart))
                .findFirst().orElseThrow(() -> new AssertionError("No email '" + subjectStart + "'"));
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new AssertionError(e);
        }
    }

    private void afterTheWait() {
        server.flushMail();
        server.clock.advance(DELAY.plusSeconds(1));
        server.server().factorRemovals().applyDue();
    }

    @Test
    void removalWhenTheWaitEndsUnstoppedThenFactorGoneOwnerEmailedAndCaseResolved() {
        Owner owner = owner(Role.USER);
        Instant due = server.clock.instant().plus(DELAY).truncatedTo(ChronoUnit.MILLIS);
        Response requested = requestRemoval(owner);
        assertThat(Instant.parse(requested.json().get("dueAt").asText())).isEqualTo(due);
        assertThat(helpdeskView(owner).get("secondFactor").asBoolean()).isTrue();
        assertThat(helpdeskView(owner).get("secondFactorRemovalDue").asText()).isEqualTo(due.toString());

        String told = Mail.text(email(owner, "Your help desk asked to remove the second factor"));
        assertThat(told).contains("removal-desk").doesNotContain(ip).doesNotContain("video call")
                .containsPattern(TestServer.REPORT_LINK.pattern());

        server.clock.advance(DELAY.minusMinutes(1));
        server.server().factorRemovals().applyDue();
        assertThat(signIn(owner, null).json().get("error").asText()).as("not before its time")
                .isEqualTo("second_factor_required");

        afterTheWait();
        assertThat(signIn(owner, null).status()).as("the password alone signs in now").isEqualTo(201);
        assertThat(helpdeskView(owner).get("secondFactor").asBoolean()).isFalse();
        assertThat(helpdeskView(owner).get("secondFactorRemovalDue").isNull()).isTrue();
        assertThat(Mail.text(email(owner, "The second factor of your Latchkey account was removed")))
                .contains("your password alone signs in");
        JsonNode detail = removalCase(owner);
        assertThat(detail.get("summary").get("status").asText()).isEqualTo("RESOLVED");
        assertThat(notes(detail)).anyMatch(note -> note.contains("video call"))
                .anyMatch(note -> note.startsWith("Removed"));
        assertThat(server.auditCount("SECOND_FACTOR_REMOVAL_REQUESTED", owner.email())).isEqualTo(1);
        assertThat(server.auditCount("SECOND_FACTOR_REMOVED", owner.email())).isEqualTo(1);
    }

    @Test
    void removalWhenOwnerSignsInWithTheFactorMeanwhileThenCancelled() {
        Owner owner = owner(Role.USER);
        requestRemoval(owner);
        assertThat(signIn(owner, codeNow(owner)).status()).isEqualTo(201);
        assertThat(helpdeskView(owner).get("secondFactorRemovalDue").isNull()).isTrue();

        afterTheWait();
        server.clock.advance(Totp.STEP);
        assertThat(signIn(owner, null).json().get("error").asText()).isEqualTo("second_factor_required");
        assertThat(notes(removalCase(owner))).anyMatch(note -> note.startsWith("Cancelled: the owner used"));
        assertThat(server.auditCount("SECOND_FACTOR_REMOVAL_CANCELLED", owner.email())).isEqualTo(1);
        assertThat(server.auditCount("SECOND_FACTOR_REMOVED", owner.email())).isZero();
    }

    @Test
    void removalWhenOwnerConfirmsTheEmailsReportThenCancelledAndAccountHeld() {
        Owner owner = owner(Role.USER);
        requestRemoval(owner);
        String report = TestServer.reportTokenIn(Mail.text(email(owner, "Your help desk asked to remove")));
        Response confirmed = server.post("/api/v1/reports", "{\"token\":\"" + report + "\"}", ip, null);
        assertThat(confirmed.json().get("held").asBoolean()).isTrue();

        afterTheWait();
        assertThat(helpdeskView(owner).get("secondFactor").asBoolean()).as("the factor stays").isTrue();
        assertThat(helpdeskView(owner).get("secondFactorRemovalDue").isNull()).isTrue();
        assertThat(notes(removalCase(owner))).anyMatch(note -> note.startsWith("Cancelled: the account is held"));
        assertThat(server.auditCount("SECOND_FACTOR_REMOVED", owner.email())).isZero();
    }

    @Test
    void removalWhenItsCaseIsResolvedBeforeItsTimeThenCancelled() {
        Owner owner = owner(Role.USER);
        requestRemoval(owner);
        long caseId = removalCase(owner).at("/summary/id").asLong();
        assertThat(server.post("/api/v1/helpdesk/cases/" + caseId + "/resolve", "", ip, desk()).status())
                .as("staff who find they were fooled").isEqualTo(200);

        afterTheWait();
        assertThat(helpdeskView(owner).get("secondFactor").asBoolean()).as("the factor stays").isTrue();
        assertThat(notes(removalCase(owner))).anyMatch(note -> note.startsWith("Cancelled: the help desk resolved"));
        assertThat(server.auditCount("SECOND_FACTOR_REMOVED", owner.email())).isZero();
    }

    @Test
    void removalWhenTheOwnerCouldNotBeToldThenItWaitsAndTheStaffQuotaCountsIt(@TempDir Path elsewhere)
            throws Exception {
        int nowhere;
        try (ServerSocket probe = new ServerSocket(0)) {
            nowhere = probe.getLocalPort();
        }
        try (TestServer unreachable = TestServer.start(elsewhere, Map.of("auth.mail.transport", "smtp",
                "auth.mail.smtp.host", "127.0.0.1", "auth.mail.smtp.port", Integer.toString(nowhere),
                "auth.helpdesk.reset-quota", "2"))) {
            unreachable.addUser("quota-desk@example.com", PASSWORD, Role.HELPDESK);
            String staff = unreachable.signIn("quota-desk@example.com", PASSWORD);
            List<Long> owners = new ArrayList<>();
            for (String email : List.of("untold-1@example.com", "untold-2@example.com", "untold-3@example.com")) {
                owners.add(unreachable.addUser(email, PASSWORD, Role.USER));
                unreachable.enrolSecondFactor(email, PASSWORD, ip);
            }
            String body = "{\"reason\":\"Lost phone\"}";
            assertThat(unreachable.post("/api/v1/helpdesk/users/" + owners.get(0) + "/second-factor-removal", body, ip,
                    staff).status()).isEqualTo(202);
            assertThat(unreachable.post("/api/v1/helpdesk/users/" + owners.get(1) + "/second-factor-removal", body, ip,
                    staff).status()).isEqualTo(202);
            Response third = unreachable.post("/api/v1/helpdesk/users/" + owners.get(2) + "/second-factor-removal",
                    body, ip, staff);
            assertThat(third.status()).as("the hourly budget of a staff member").isEqualTo(429);
            assertThat(third.header("Retry-After")).isNotNull();

            unreachable.clock.advance(DELAY.plusSeconds(1));
            unreachable.server().factorRemovals().applyDue();
            assertThat(unreachable.auditCount("SECOND_FACTOR_REMOVED", "untold-1@example.com"))
                    .as("no removal before its owner was told").isZero();
            Response signIn = unreachable.post("/api/v1/sessions",
                    "{\"email\":\"untold-1@example.com\",\"password\":\"" + PASSWORD + "\"}", ip, null);
            assertThat(signIn.json().get("error").asText()).isEqualTo("second_factor_required");
        }
    }

    @Test
    void sweepWhenMoreThanABatchMustWaitThenItEndsAndStillReachesTheRemovalsBehindThem() {
        // Removals whose owner was never told (no email went out) wait; more of them than one batch
        // must neither keep the sweep going round nor hide the removals due after them.
        long past = server.clock.instant().minus(Duration.ofDays(2)).toEpochMilli();
        for (int i = 0; i < 101; i++) {
            long id = server.addUser("untold-" + OWNERS.incrementAndGet() + "@example.com", PASSWORD, Role.USER);
            server.db().execute().update("UPDATE app_user SET totp_removal_due = ?, totp_removal_case = ?"
                    + " WHERE id = ?", past, Long.MAX_VALUE, id);
        }
        Owner owner = owner(Role.USER);
        requestRemoval(owner);
        server.flushMail();
        server.clock.advance(DELAY.plusSeconds(1));
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> server.server().factorRemovals().applyDue());
        assertThat(server.auditCount("SECOND_FACTOR_REMOVED", owner.email())).isEqualTo(1);
    }

    @Test
    void removalWhenTwoSweepsRunAtOnceThenDoneOnce() {
        Owner owner = owner(Role.USER);
        requestRemoval(owner);
        server.flushMail();
        server.clock.advance(DELAY.plusSeconds(1));
        CompletableFuture.allOf(CompletableFuture.runAsync(() -> server.server().factorRemovals().applyDue()),
                CompletableFuture.runAsync(() -> server.server().factorRemovals().applyDue())).join();
        assertThat(server.auditCount("SECOND_FACTOR_REMOVED", owner.email())).isEqualTo(1);
        assertThat(server.messagesTo(owner.email()).stream().map(FactorRemovalTest::subject)
                .filter(s -> s.startsWith("The second factor of your Latchkey account was removed"))).hasSize(1);
    }

    @Test
    void removalOfAStaffFactorWhenAskedByHelpdeskThenForbiddenAndAnAdministratorMay() {
        Owner staff = owner(Role.HELPDESK);
        Response refused = requestRemoval(staff.id(), "{\"reason\":\"Lost phone\"}", desk());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("error").asText()).isEqualTo("forbidden");
        assertThat(requestRemoval(staff.id(), "{\"reason\":\"Lost phone\"}", admin()).status()).isEqualTo(202);
    }

    @Test
    void removalWhenNoFactorOrOneWaitingThenConflict() {
        long plain = server.addUser("no-factor-" + OWNERS.incrementAndGet() + "@example.com", PASSWORD, Role.USER);
        Response none = requestRemoval(plain, "{\"reason\":\"Lost phone\"}", desk());
        assertThat(none.status()).isEqualTo(409);
        assertThat(none.json().get("error").asText()).isEqualTo("conflict");
        Owner owner = owner(Role.USER);
        requestRemoval(owner);
        Response again = requestRemoval(owner.id(), "{\"reason\":\"Lost phone\"}", desk());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("message").asText()).contains("already waiting");
    }

    @Test
    void removalWhenHostileInputThen4xxAndNothingWaits() {
        Owner owner = owner(Role.USER);
        for (String body : List.of("{}", "{\"reason\":\"\"}", "{\"reason\":123}", "{\"reason\":[\"x\"]}",
                "{\"reason\":\"" + "x".repeat(501) + "\"}", "{\"reason\":\"a\\u0000b\"}", "{\"reason\":",
                "{\"reason\":\"'; DROP TABLE app_user; --\"")) {
            Response response = requestRemoval(owner.id(), body, desk());
            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.json().get("error").asText()).isEqualTo("invalid_request");
        }
        assertThat(requestRemoval(owner.id(), "{\"reason\":\"x\"}", null).status()).isEqualTo(401);
        assertThat(server.post("/api/v1/helpdesk/users/x'1/second-factor-removal", "{\"reason\":\"x\"}", ip, desk())
                .status()).isEqualTo(404);
        assertThat(requestRemoval(Long.MAX_VALUE, "{\"reason\":\"x\"}", desk()).status()).isEqualTo(404);
        assertThat(helpdeskView(owner).get("secondFactorRemovalDue").isNull()).isTrue();
    }
}
