package dev.latchkey.server.user;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import io.helidon.dbclient.DbTransaction;

import dev.latchkey.api.Role;
import dev.latchkey.server.db.Insert;
import dev.latchkey.server.db.Rows;
import dev.latchkey.server.i18n.Reader;

/** The {@code app_user} table. Every method takes the executor (plain or a transaction) to run in. */
public final class Users {
    private static final String COLUMNS =
            "id, email, display_name, role, password_hash, password_changed_at, password_version, held_at,"
                    + " language_tag, time_zone, totp_enabled_at, totp_removal_due";

    public Optional<User> findByEmail(DbExecute db, String normalizedEmail) {
        return db.get("SELECT " + COLUMNS + " FROM app_user WHERE email = ?", normalizedEmail).map(Users::map);
    }

    public Optional<User> findById(DbExecute db, long id) {
        return db.get("SELECT " + COLUMNS + " FROM app_user WHERE id = ?", id).map(Users::map);
    }

    /**
     * Users whose address or name contains {@code query} (case-insensitive), by address; at most
     * {@code limit}. The query's own {@code %} and {@code _} match themselves.
     */
    public List<User> search(DbExecute db, String query, int limit) {
        String pattern = "%" + query.toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        try (Stream<DbRow> rows = db.query("SELECT " + COLUMNS + " FROM app_user WHERE email LIKE ? ESCAPE '\\'"
                + " OR LOWER(display_name) LIKE ? ESCAPE '\\' ORDER BY email FETCH FIRST " + limit + " ROWS ONLY",
                pattern, pattern)) {
            return rows.map(Users::map).toList();
        }
    }

    public boolean any(DbExecute db) {
        return db.get("SELECT 1 AS one FROM app_user FETCH FIRST 1 ROWS ONLY").isPresent();
    }

    public List<User> list(DbExecute db) {
        try (Stream<DbRow> rows = db.query("SELECT " + COLUMNS + " FROM app_user ORDER BY email")) {
            return rows.map(Users::map).toList();
        }
    }

    /** Inserts a user; the caller has checked that the email is free (the unique key guards races). */
    public long create(DbExecute db, String email, String displayName, Role role, String passwordHash, Instant now) {
        Insert.into(db, "app_user", "email", email, "display_name", displayName, "role", role.name(),
                "password_hash", passwordHash, "password_changed_at", passwordHash == null ? null : now.toEpochMilli(),
                "created_at", now.toEpochMilli());
        return findByEmail(db, email).orElseThrow().id();
    }

    /**
     * Writes the account's emails for {@code reader} from now on. A reader whose zone is unknown keeps
     * the zone the account had: a client that does not say it has not moved the person.
     */
    public void setReader(DbExecute db, long userId, Reader reader) {
        if (reader.timeZone().isPresent()) {
            db.update("UPDATE app_user SET language_tag = ?, time_zone = ? WHERE id = ?", reader.languageTag(),
                    reader.zoneId(), userId);
        } else {
            // Not a null parameter: DbClient binds it as Types.NULL, which Derby refuses (Insert).
            db.update("UPDATE app_user SET language_tag = ? WHERE id = ?", reader.languageTag(), userId);
        }
    }

    /** Sets a new password: a new version, so sessions proved with the old one can no longer be made. */
    public void updatePassword(DbExecute db, long userId, String passwordHash, Instant now) {
        db.update("UPDATE app_user SET password_hash = ?, password_changed_at = ?,"
                + " password_version = password_version + 1 WHERE id = ?", passwordHash, now.toEpochMilli(), userId);
    }

    /**
     * Whether the user's password is still the one at {@code version} and the account not held; if so
     * the row stays locked until {@code tx} ends, so a password change or a hold waits for it (and then
     * revokes what it made) or it waits for them (and then finds a new version or the hold). The no-op
     * update is what takes the lock, portably.
     */
    public boolean lockIfPasswordVersion(DbTransaction tx, long userId, int version) {
        return tx.update("UPDATE app_user SET password_version = password_version WHERE id = ?"
                + " AND password_version = ? AND held_at IS NULL", userId, version) == 1;
    }

    /**
     * Whether the account is not held; if so its row stays locked until {@code tx} ends, so a hold
     * waits for the caller's password change, or the change finds the hold.
     */
    public boolean lockIfNotHeld(DbTransaction tx, long userId) {
        return tx.update("UPDATE app_user SET held_at = held_at WHERE id = ? AND held_at IS NULL", userId) == 1;
    }

    /** Holds the account (taking its row lock, see {@link #lockIfPasswordVersion}); false if it already was. */
    /**
     * Records that the owner confirmed a "Not you?" report now; the row stays locked until {@code tx}
     * ends, so one owner's reports are handled one at a time.
     */
    public void reported(DbTransaction tx, long userId, Instant now) {
        tx.update("UPDATE app_user SET reported_at = ? WHERE id = ?", now.toEpochMilli(), userId);
    }

    /** Whether the owner confirmed a "Not you?" report at or after {@code since}. */
    public boolean reportedSince(DbExecute db, long userId, Instant since) {
        return db.get("SELECT 1 AS one FROM app_user WHERE id = ? AND reported_at >= ?", userId, since.toEpochMilli())
                .isPresent();
    }

    public boolean hold(DbExecute db, long userId, Instant now) {
        return db.update("UPDATE app_user SET held_at = ? WHERE id = ? AND held_at IS NULL", now.toEpochMilli(),
                userId) == 1;
    }

    /**
     * Releases a held account; false if it was not held. Its password goes with the hold: whoever changed
     * it knows it, so until the owner completes a reset no password signs in (a new version, so no
     * sign-in in flight makes a session either).
     */
    public boolean release(DbExecute db, long userId) {
        return db.update("UPDATE app_user SET held_at = NULL, password_hash = NULL,"
                + " password_version = password_version + 1 WHERE id = ? AND held_at IS NOT NULL", userId) == 1;
    }

    /** Replaces a hash only if it is still the one that was checked (a re-hash on sign-in). */
    public void upgradeHash(DbExecute db, long userId, String oldHash, String newHash) {
        db.update("UPDATE app_user SET password_hash = ? WHERE id = ? AND password_hash = ?", newHash, userId, oldHash);
    }

    private static User map(DbRow row) {
        return new User(Rows.longOf(row, "id"), Rows.stringOf(row, "email"), Rows.stringOf(row, "display_name"),
                Role.valueOf(Rows.stringOf(row, "role")), Rows.stringOf(row, "password_hash"),
                Rows.instantOf(row, "password_changed_at"), Rows.intOf(row, "password_version"),
                Rows.instantOf(row, "held_at") != null,
                Optional.ofNullable(Rows.stringOf(row, "language_tag"))
                        .map(language -> Reader.stored(language, Rows.stringOf(row, "time_zone"))),
                Rows.instantOf(row, "totp_enabled_at") != null, Rows.instantOf(row, "totp_removal_due"));
    }
}
