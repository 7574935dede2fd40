package dev.latchkey.server.retention;

import java.time.Clock;
import java.time.Duration;

import dev.latchkey.server.db.Database;

/**
 * A named row of {@code job_lease}: held by one process until a time, so that of several instances on
 * one database only one does the job at once. The holder renews it as it goes; a holder that died
 * stops renewing, and another takes it over once the time has passed.
 */
final class Lease {
    private final Database db;
    private final String name;
    private final String owner;
    private final Duration length;
    private final Clock clock;

    Lease(Database db, String name, String owner, Duration length, Clock clock) {
        this.db = db;
        this.name = name;
        this.owner = owner;
        this.length = length;
        this.clock = clock;
    }

    /**
     * Takes the lease, or renews it, until {@code length} from now; false while another holds it. One
     * guarded UPDATE: of two instances trying at once, the second finds the first's row and is refused.
     */
    boolean acquire() {
        long now = clock.millis();
        return db.execute().update("UPDATE job_lease SET held_by = ?, held_until = ?"
                + " WHERE name = ? AND (held_until <= ? OR held_by = ?)",
                owner, now + length.toMillis(), name, now, owner) == 1;
    }

    /** Gives it up now, if this process still holds it. */
    void release() {
        db.execute().update("UPDATE job_lease SET held_by = NULL, held_until = 0 WHERE name = ? AND held_by = ?",
                name, owner);
    }
}
