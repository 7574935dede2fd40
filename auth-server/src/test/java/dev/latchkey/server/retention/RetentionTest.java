package dev.latchkey.server.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.helidon.dbclient.DbExecute;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.latchkey.api.Role;
import dev.latchkey.server.config.AuthSettings;
import dev.latchkey.server.config.ConfigLoader;
import dev.latchkey.server.db.Database;
import dev.latchkey.server.db.Insert;
import dev.latchkey.server.db.Rows;
import dev.latchkey.server.retention.Retention.Kind;
import dev.latchkey.server.support.TestServer;

/**
 * Rows past their retention are deleted and rows inside it kept, kind by kind, with references kept
 * whole; one instance at a time runs it. On Derby, and on PostgreSQL in the postgresql execution.
 */
class RetentionTest {
    private static final Duration MINUTE = Duration.ofMinutes(1);

    @TempDir
    Path dir;

    @Test
    void runWhenRowsPastRetentionThenDeletedAndRowsInsideKept() {
        try (TestServer server = TestServer.start(dir)) {
            DbExecute db = server.db().execute();
            long now = server.clock.millis();
            long userId = server.addUser("kept-" + UUID.randomUUID() + "@example.com", null, Role.USER);
            long past30 = now - Duration.ofDays(30).plus(MINUTE).toMillis();
            long inside30 = now - Duration.ofDays(30).minus(MINUTE).toMillis();
            long past90 = now - Duration.ofDays(90).plus(MINUTE).toMillis();
            long past400 = now - Duration.ofDays(400).plus(MINUTE).toMillis();
            long inside400 = now - Duration.ofDays(400).minus(MINUTE).toMillis();
            long pastDay = now - Duration.ofDays(1).plus(MINUTE).toMillis();
            long insideDay = now - Duration.ofDays(1).minus(MINUTE).toMillis();

            resetToken(db, "reset-old", userId, past30);
            resetToken(db, "reset-new", userId, inside30);
            session(db, "session-old", userId, past30);
            session(db, "session-new", userId, inside30);
            long sentOld = mailJob(server, "sent-old", "SENT", past30);
            long discardedOld = mailJob(server, "discarded-old", "DISCARDED", past30);
            mailJob(server, "sent-new", "SENT", inside30);
            long failedOld = mailJob(server, "failed-old", "FAILED", past90);
            mailJob(server, "failed-new", "FAILED", past30);
            mailJob(server, "queued-old", "QUEUED", past400);
            long named = mailJob(server, "named-by-live-link", "SENT", past30);
            reportToken(db, "report-old", userId, sentOld, past30);
            reportToken(db, "report-new", userId, named, inside30);
            audit(db, "audit-old", past400, null);
            audit(db, "audit-new", inside400, null);
            audit(db, "audit-of-sent-old", inside400, sentOld);
            throttle(db, "throttle-old@example.com", pastDay);
            throttle(db, "throttle-new@example.com", insideDay);
            rateWindow(db, "expired", now);
            rateWindow(db, "live", now + 1);
            long resolvedOld = supportCase(server, "resolved-old", "RESOLVED", past400);
            note(db, resolvedOld, past400);
            note(db, resolvedOld, past400);
            long resolvedNew = supportCase(server, "resolved-new", "RESOLVED", inside400);
            note(db, resolvedNew, inside400);
            supportCase(server, "open-old", "OPEN", past400);
            long followed = supportCase(server, "resolved-old-followed", "RESOLVED", past400);
            db.update("UPDATE app_user SET totp_removal_due = ?, totp_removal_case = ? WHERE id = ?", now, followed,
                    userId);

            Map<Kind, Long> removed = server.server().retention().runOnce().orElseThrow();

            assertThat(removed).containsEntry(Kind.RESET_TOKENS, 1L).containsEntry(Kind.REPORT_TOKENS, 1L)
                    .containsEntry(Kind.SESSIONS, 1L).containsEntry(Kind.MAIL_SENT, 2L)
                    .containsEntry(Kind.MAIL_FAILED, 1L).containsEntry(Kind.SIGN_IN_THROTTLE, 1L)
                    .containsEntry(Kind.RATE_WINDOWS, 1L).containsEntry(Kind.CASES, 1L)
                    .containsEntry(Kind.CASE_NOTES, 2L).containsEntry(Kind.AUDIT, 1L);
            assertThat(strings(db, "SELECT token_hash AS v FROM reset_token WHERE user_id = ?", userId))
                    .containsExactly(hash("reset-new"));
            assertThat(strings(db, "SELECT token_hash AS v FROM user_session WHERE user_id = ?", userId))
                    .containsExactly(hash("session-new"));
            assertThat(strings(db, "SELECT token_hash AS v FROM report_token WHERE user_id = ?", userId))
                    .containsExactly(hash("report-new"));
            assertThat(strings(db, "SELECT recipient AS v FROM mail_job WHERE recipient LIKE 'mail-%'"))
                    .containsExactlyInAnyOrder("mail-sent-new", "mail-failed-new", "mail-queued-old",
                            "mail-named-by-live-link");
            assertThat(strings(db, "SELECT detail AS v FROM audit_event WHERE detail LIKE 'audit-%'"))
                    .containsExactlyInAnyOrder("audit-new", "audit-of-sent-old");
            assertThat(Rows.nullableLongOf(db.get("SELECT mail_job_id FROM audit_event WHERE detail = 'audit-of-sent-old'")
                    .orElseThrow(), "mail_job_id")).as("unlinked from the deleted job, not left pointing at it").isNull();
            assertThat(strings(db, "SELECT email AS v FROM signin_throttle WHERE email LIKE 'throttle-%'"))
                    .containsExactly("throttle-new@example.com");
            assertThat(strings(db, "SELECT limiter AS v FROM rate_window")).containsExactly("live");
            assertThat(strings(db, "SELECT summary AS v FROM support_case"))
                    .containsExactlyInAnyOrder("resolved-new", "open-old", "resolved-old-followed");
            assertThat(strings(db, "SELECT body AS v FROM case_note")).containsExactly("note of " + resolvedNew);
            assertThat(List.of(discardedOld, failedOld)).doesNotContainAnyElementsOf(
                    strings(db, "SELECT id AS v FROM mail_job").stream().map(Long::valueOf).toList());

            assertThat(server.server().retention().runOnce().orElseThrow().values())
                    .as("a second run finds nothing more").containsOnly(0L);
        }
    }

    @Test
    void runWhenMoreRowsThanOneBatchThenAllDeletedBatchByBatch() {
        try (TestServer server = TestServer.start(dir)) {
            long old = server.clock.millis() - Duration.ofDays(401).toMillis();
            server.db().inTransaction(tx -> {
                for (int i = 0; i < Retention.BATCH * 2 + 7; i++) {
                    audit(tx, "batch-" + i, old, null);
                }
                return null;
            });

            assertThat(server.server().retention().runOnce().orElseThrow())
                    .containsEntry(Kind.AUDIT, Retention.BATCH * 2 + 7L);
            assertThat(strings(server.db().execute(), "SELECT detail AS v FROM audit_event WHERE detail LIKE 'batch-%'"))
                    .isEmpty();
        }
    }

    @Test
    void runWhenAnotherInstanceHoldsTheLeaseThenNothingDeleted() {
        try (TestServer server = TestServer.start(dir)) {
            audit(server.db().execute(), "held-back", server.clock.millis() - Duration.ofDays(401).toMillis(), null);
            Lease other = new Lease(server.db(), "retention", "another instance", Retention.LEASE, server.clock);
            assertThat(other.acquire()).isTrue();

            assertThat(server.server().retention().runOnce()).isEmpty();
            assertThat(strings(server.db().execute(), "SELECT detail AS v FROM audit_event WHERE detail = 'held-back'"))
                    .hasSize(1);

            server.clock.advance(Retention.LEASE); // the other instance died without giving it back
            assertThat(other.acquire()).as("renewing the same lease after it ran out").isTrue();
            other.release();
            assertThat(server.server().retention().runOnce().orElseThrow()).containsEntry(Kind.AUDIT, 1L);
        }
    }

    @Test
    void acquireWhenTwoInstancesTryAtOnceThenOneHoldsIt() throws Exception {
        try (TestServer server = TestServer.start(dir)) {
            Database db = server.db();
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                for (int round = 0; round < 50; round++) {
                    List<Callable<Boolean>> tries = new ArrayList<>();
                    for (String owner : List.of("a" + round, "b" + round)) {
                        Lease lease = new Lease(db, "retention", owner, Retention.LEASE, server.clock);
                        tries.add(lease::acquire);
                    }
                    int holders = 0;
                    for (Future<Boolean> tried : pool.invokeAll(tries)) {
                        holders += tried.get() ? 1 : 0;
                    }
                    assertThat(holders).as("round " + round).isEqualTo(1);
                    db.execute().update("UPDATE job_lease SET held_by = NULL, held_until = 0");
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void settingsWhenThrottleRetentionShorterThanItsWindowThenRefused() {
        assertThatThrownBy(() -> AuthSettings.from(ConfigLoader.load(Optional.empty(),
                Map.of("auth.retention.sign-in-throttle", "PT5M"))))
                .hasMessageContaining("auth.retention.sign-in-throttle");
        assertThatThrownBy(() -> AuthSettings.from(ConfigLoader.load(Optional.empty(),
                Map.of("auth.retention.audit", "PT0S"))))
                .hasMessageContaining("auth.retention.audit must be positive");
        assertThat(AuthSettings.from(ConfigLoader.load(Optional.empty(), Map.of())).retention().audit())
                .isEqualTo(Duration.ofDays(400));
    }

    private static String hash(String name) {
        return (name + "-".repeat(64)).substring(0, 64);
    }

    private static void resetToken(DbExecute db, String name, long userId, long expiresAt) {
        Insert.into(db, "reset_token", "token_hash", hash(name), "user_id", userId, "purpose", "RESET",
                "created_at", expiresAt - 1000, "expires_at", expiresAt);
    }

    private static void session(DbExecute db, String name, long userId, long expiresAt) {
        Insert.into(db, "user_session", "token_hash", hash(name), "user_id", userId, "created_at", expiresAt - 1000,
                "expires_at", expiresAt);
    }

    private static void reportToken(DbExecute db, String name, long userId, long mailJobId, long expiresAt) {
        Insert.into(db, "report_token", "token_hash", hash(name), "user_id", userId, "event_kind", "RESET_REQUESTED",
                "mail_job_id", mailJobId, "event_at", expiresAt - 1000, "created_at", expiresAt - 1000,
                "expires_at", expiresAt);
    }

    private static long mailJob(TestServer server, String name, String status, long createdAt) {
        return server.db().inTransaction(tx -> {
            Insert.into(tx, "mail_job", "kind", "RESET", "recipient", "mail-" + name, "created_at", createdAt,
                    "status", status, "attempts", 1, "next_attempt_at", createdAt);
            return server.db().dialect().lastIdentity(tx);
        });
    }

    private static void audit(DbExecute db, String detail, long occurredAt, Long mailJobId) {
        Insert.into(db, "audit_event", "occurred_at", occurredAt, "event_type", "RESET_REQUESTED",
                "detail", detail, "mail_job_id", mailJobId);
    }

    private static void throttle(DbExecute db, String email, long lastFailure) {
        Insert.into(db, "signin_throttle", "email", email, "failures", 5, "lockouts", 1,
                "last_failure_at", lastFailure, "locked_until", lastFailure - 1000);
    }

    private static void rateWindow(DbExecute db, String limiter, long expiresAt) {
        Insert.into(db, "rate_window", "limiter", limiter, "client_key", hash(limiter), "window_start",
                expiresAt - 1000, "hits", 1, "expires_at", expiresAt);
    }

    private static long supportCase(TestServer server, String summary, String status, long updatedAt) {
        return server.db().inTransaction(tx -> {
            Insert.into(tx, "support_case", "kind", "REPORT", "status", status, "summary", summary,
                    "opened_at", updatedAt - 1000, "updated_at", updatedAt);
            return server.db().dialect().lastIdentity(tx);
        });
    }

    private static void note(DbExecute db, long caseId, long writtenAt) {
        Insert.into(db, "case_note", "case_id", caseId, "written_at", writtenAt, "author", "staff@example.com",
                "body", "note of " + caseId);
    }

    private static List<String> strings(DbExecute db, String query, Object... params) {
        try (var rows = db.query(query, params)) {
            return rows.map(row -> Rows.stringOf(row, "v")).toList();
        }
    }
}
