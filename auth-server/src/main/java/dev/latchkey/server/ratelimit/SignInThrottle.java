package dev.latchkey.server.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;

import dev.latchkey.server.db.Database;
import dev.latchkey.server.db.Rows;

/**
 * Sign-in failures per normalized email, known or not, kept in the database so that a completed reset
 * clears them in its own transaction and a restart does not forgive them. After {@value #FAILURES}
 * failures the email is locked for 1 minute; each further failure after a lock doubles it, up to 15.
 * Failures older than the window are forgotten. An attempt counts as a failure from the moment it
 * starts (a success clears the count), so guesses sent in parallel cannot all pass before any fails,
 * whichever instance on a shared database they reach: each attempt holds the email's row lock.
 */
public final class SignInThrottle {
    static final int FAILURES = 5;
    static final Duration FIRST_LOCK = Duration.ofMinutes(1);
    static final Duration LONGEST_LOCK = Duration.ofMinutes(15);
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final Clock clock;
    private final boolean enabled;

    public SignInThrottle(Clock clock, boolean enabled) {
        this.clock = clock;
        this.enabled = enabled;
    }

    /** Whether the email may try to sign in now. */
    public Decision check(DbExecute db, String email) {
        if (!enabled) {
            return Decision.ALLOW;
        }
        long now = clock.millis();
        return row(db, email)
                .map(r -> Rows.longOf(r, "locked_until"))
                .filter(until -> until > now)
                .map(until -> Decision.refuse(until - now))
                .orElse(Decision.ALLOW);
    }

    /** Whether the email is locked out right now. */
    public boolean isLocked(DbExecute db, String email) {
        return !check(db, email).allowed();
    }

    /**
     * Starts an attempt: refused while the email is locked, otherwise counted as a failure until a
     * success clears it. One transaction that creates the email's row if missing and locks it, so that
     * of many parallel attempts, in any number of processes, at most {@value #FAILURES} pass.
     */
    public Decision attempt(Database db, String email) {
        if (!enabled) {
            return Decision.ALLOW;
        }
        return db.inTransaction(tx -> {
            // Create the row if missing, then lock it; again if a success cleared it in between.
            do {
                db.dialect().insertIfAbsent(tx, "INSERT INTO signin_throttle"
                        + " (email, failures, lockouts, last_failure_at, locked_until) VALUES (?, 0, 0, 0, 0)", email);
            } while (tx.update("UPDATE signin_throttle SET failures = failures WHERE email = ?", email) == 0);
            DbRow r = row(tx, email).orElseThrow();
            long now = clock.millis();
            long lockedUntil = Rows.longOf(r, "locked_until");
            if (lockedUntil > now) {
                return Decision.refuse(lockedUntil - now);
            }
            count(tx, email, r, now);
            return Decision.ALLOW;
        });
    }

    private void count(DbExecute tx, String email, DbRow r, long now) {
        int failures = Rows.intOf(r, "failures");
        int lockouts = Rows.intOf(r, "lockouts");
        long lockedUntil = Rows.longOf(r, "locked_until");
        long last = Rows.longOf(r, "last_failure_at");
        if (now - Math.max(last, lockedUntil) >= WINDOW.toMillis()) {
            failures = 0;
            lockouts = 0;
        }
        failures++;
        if (failures >= FAILURES) {
            lockouts++;
            lockedUntil = now + lockDuration(lockouts).toMillis();
        }
        tx.update("UPDATE signin_throttle SET failures = ?, lockouts = ?, last_failure_at = ?, locked_until = ?"
                + " WHERE email = ?", failures, lockouts, now, lockedUntil, email);
    }

    public void clear(DbExecute db, String email) {
        db.delete("DELETE FROM signin_throttle WHERE email = ?", email);
    }

    static Duration lockDuration(int lockouts) {
        long minutes = FIRST_LOCK.toMinutes() << Math.min(lockouts - 1, 4);
        return Duration.ofMinutes(Math.min(minutes, LONGEST_LOCK.toMinutes()));
    }

    private static Optional<DbRow> row(DbExecute db, String email) {
        return db.get("SELECT failures, lockouts, last_failure_at, locked_until FROM signin_throttle WHERE email = ?",
                email);
    }
}
