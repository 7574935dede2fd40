package dev.latchkey.server.mfa;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;

import dev.latchkey.server.db.Rows;

/**
 * The second factors in the database: each account's sealed TOTP key on its {@code app_user} row
 * (and one waiting for its first code), and its recovery codes' hashes. Every method takes the
 * executor (plain or a transaction) to run in.
 */
public final class SecondFactors {
    private final SecretBox box;
    private final Clock clock;

    public SecondFactors(SecretBox box, Clock clock) {
        this.box = box;
        this.clock = clock;
    }

    /** Makes a new key that waits for its first code; any earlier waiting one is dropped. */
    public byte[] startEnrolment(DbExecute db, long userId) {
        byte[] key = Totp.newSecret();
        db.update("UPDATE app_user SET totp_pending_key = ? WHERE id = ?", box.seal(key, userId), userId);
        return key;
    }

    /** The key waiting for its first code, with its sealed form (which {@link #confirm} checks is unchanged). */
    public Optional<Pending> pending(DbExecute db, long userId) {
        return db.get("SELECT totp_pending_key FROM app_user WHERE id = ? AND totp_pending_key IS NOT NULL", userId)
                .map(row -> Rows.stringOf(row, "totp_pending_key"))
                .map(sealed -> new Pending(box.open(sealed, userId), sealed));
    }

    /** A key waiting for its first code. */
    public record Pending(byte[] key, String sealed) {
        @Override
        public String toString() {
            return "Pending[]";
        }
    }

    /** The account's key, when it has a second factor. */
    public Optional<byte[]> key(DbExecute db, long userId) {
        return db.get("SELECT totp_key FROM app_user WHERE id = ? AND totp_key IS NOT NULL", userId)
                .map(row -> box.open(Rows.stringOf(row, "totp_key"), userId));
    }

    /**
     * Makes the waiting key the account's (replacing any earlier one), with {@code step} (its first
     * code's) as used; false when another enrolment replaced it meanwhile.
     */
    public boolean confirm(DbExecute db, long userId, Pending pending, long step) {
        return db.update("UPDATE app_user SET totp_key = totp_pending_key, totp_pending_key = NULL,"
                + " totp_last_step = ?, totp_enabled_at = ? WHERE id = ? AND totp_pending_key = ?",
                step, clock.millis(), userId, pending.sealed()) == 1;
    }

    /**
     * Uses the code of {@code step}: true only when no code of this or a later step was accepted
     * before. One atomic update, so of two instances given the same code at once only one takes it.
     */
    public boolean useStep(DbExecute db, long userId, long step) {
        return db.update("UPDATE app_user SET totp_last_step = ? WHERE id = ? AND totp_key IS NOT NULL"
                + " AND (totp_last_step IS NULL OR totp_last_step < ?)", step, userId, step) == 1;
    }

    /** Removes the account's second factor and its recovery codes, and any removal waiting for its time. */
    public void remove(DbExecute db, long userId) {
        db.update("UPDATE app_user SET totp_key = NULL, totp_pending_key = NULL, totp_last_step = NULL,"
                + " totp_enabled_at = NULL, totp_removal_due = NULL, totp_removal_case = NULL WHERE id = ?", userId);
        db.delete("DELETE FROM recovery_code WHERE user_id = ?", userId);
    }

    /** A removal the help desk asked for, waiting for {@code due}; {@code caseId} follows it. */
    public record PendingRemoval(long userId, Instant due, long caseId) {
    }

    /** Sets a removal to happen at {@code due}: false when the account has no factor or one is set already. */
    public boolean scheduleRemoval(DbExecute db, long userId, Instant due, long caseId) {
        return db.update("UPDATE app_user SET totp_removal_due = ?, totp_removal_case = ? WHERE id = ?"
                + " AND totp_key IS NOT NULL AND totp_removal_due IS NULL", due.toEpochMilli(), caseId, userId) == 1;
    }

    public Optional<PendingRemoval> pendingRemoval(DbExecute db, long userId) {
        return db.get("SELECT id, totp_removal_due, totp_removal_case FROM app_user WHERE id = ?"
                + " AND totp_removal_due IS NOT NULL", userId).map(SecondFactors::removal);
    }

    /**
     * The removals whose time has come, oldest first, at most {@code limit}, after {@code after} (the last
     * of the previous batch, or none): removals that must go on waiting stay due, and paging past them
     * keeps them from hiding the ones behind.
     */
    public List<PendingRemoval> dueRemovals(DbExecute db, Optional<PendingRemoval> after, int limit) {
        long afterDue = after.map(removal -> removal.due().toEpochMilli()).orElse(Long.MIN_VALUE);
        long afterId = after.map(PendingRemoval::userId).orElse(Long.MIN_VALUE);
        try (Stream<DbRow> rows = db.query("SELECT id, totp_removal_due, totp_removal_case FROM app_user"
                + " WHERE totp_removal_due <= ? AND (totp_removal_due > ? OR (totp_removal_due = ? AND id > ?))"
                + " ORDER BY totp_removal_due, id FETCH FIRST " + limit + " ROWS ONLY",
                clock.millis(), afterDue, afterDue, afterId)) {
            return rows.map(SecondFactors::removal).toList();
        }
    }

    /**
     * Takes the waiting removal off the account: true for exactly one caller (of two instances, or of the
     * owner's sign-in and the removal's time, only one acts on it).
     */
    public boolean dropRemoval(DbExecute db, PendingRemoval removal) {
        return db.update("UPDATE app_user SET totp_removal_due = NULL, totp_removal_case = NULL WHERE id = ?"
                + " AND totp_removal_due = ?", removal.userId(), removal.due().toEpochMilli()) == 1;
    }

    /**
     * Takes the waiting removal off the account to carry it out: as {@link #dropRemoval}, and only while
     * the account is not held and its owner confirmed no report since {@code asked}, checked in the same
     * statement, so a report that commits meanwhile is never overtaken.
     */
    public boolean takeRemoval(DbExecute db, PendingRemoval removal, Instant asked) {
        return db.update("UPDATE app_user SET totp_removal_due = NULL, totp_removal_case = NULL WHERE id = ?"
                + " AND totp_removal_due = ? AND held_at IS NULL AND (reported_at IS NULL OR reported_at < ?)",
                removal.userId(), removal.due().toEpochMilli(), asked.toEpochMilli()) == 1;
    }

    private static PendingRemoval removal(DbRow row) {
        return new PendingRemoval(Rows.longOf(row, "id"), Rows.instantOf(row, "totp_removal_due"),
                Rows.longOf(row, "totp_removal_case"));
    }

    /** A new set of recovery codes, replacing every earlier one; only their hashes are stored. */
    public List<String> replaceRecoveryCodes(DbExecute db, long userId) {
        db.delete("DELETE FROM recovery_code WHERE user_id = ?", userId);
        List<String> codes = RecoveryCodes.generate();
        long now = clock.millis();
        for (String code : codes) {
            String hash = RecoveryCodes.hash(userId, RecoveryCodes.normalize(code).orElseThrow());
            db.insert("INSERT INTO recovery_code (user_id, code_hash, created_at) VALUES (?, ?, ?)", userId, hash, now);
        }
        return codes;
    }

    /** Uses a recovery code (normalized): true once per code, for its own account only. */
    public boolean useRecoveryCode(DbExecute db, long userId, String normalized) {
        return db.update("UPDATE recovery_code SET used_at = ? WHERE user_id = ? AND code_hash = ? AND used_at IS NULL",
                clock.millis(), userId, RecoveryCodes.hash(userId, normalized)) == 1;
    }

    public int recoveryCodesLeft(DbExecute db, long userId) {
        return db.get("SELECT COUNT(*) AS n FROM recovery_code WHERE user_id = ? AND used_at IS NULL", userId)
                .map(row -> Rows.intOf(row, "n")).orElse(0);
    }
}
