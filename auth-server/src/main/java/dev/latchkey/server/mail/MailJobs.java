package dev.latchkey.server.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import io.helidon.dbclient.DbTransaction;

import dev.latchkey.server.db.Dialect;
import dev.latchkey.server.db.Insert;
import dev.latchkey.server.db.Rows;

/** The {@code mail_job} table: the durable queue between a request and a delivery. */
public final class MailJobs {
    private static final int ERROR_MAX = 500;

    private final Dialect dialect;
    private final Clock clock;
    private final Duration initialDelay;
    private final Duration maxDelay;
    private final int maxAttempts;

    public MailJobs(Dialect dialect, Clock clock, Duration initialDelay, Duration maxDelay, int maxAttempts) {
        this.dialect = dialect;
        this.clock = clock;
        this.initialDelay = initialDelay;
        this.maxDelay = maxDelay;
        this.maxAttempts = maxAttempts;
    }

    /**
     * Queues a job in the caller's transaction, so it commits with whatever caused it; returns its id
     * (read on the transaction's own connection, which is why a transaction is required).
     */
    public long enqueue(DbTransaction tx, MailKind kind, String recipient, String clientIp, String actor) {
        long now = clock.millis();
        Insert.into(tx, "mail_job", "kind", kind.name(), "recipient", recipient, "client_ip", clientIp, "actor", actor,
                "created_at", now, "status", MailStatus.QUEUED.name(), "attempts", 0, "next_attempt_at", now);
        return dialect.lastIdentity(tx);
    }

    public List<MailJob> due(DbExecute db, int limit) {
        try (Stream<DbRow> rows = db.query("SELECT id, kind, recipient, client_ip, actor, created_at, attempts"
                + " FROM mail_job WHERE status = 'QUEUED' AND next_attempt_at <= ? ORDER BY next_attempt_at, id"
                + " FETCH FIRST " + limit + " ROWS ONLY", clock.millis())) {
            return rows.map(MailJobs::map).toList();
        }
    }

    public void markSent(DbExecute db, long id) {
        db.update("UPDATE mail_job SET status = 'SENT', sent_at = ?, attempts = attempts + 1 WHERE id = ?",
                clock.millis(), id);
    }

    public void markDiscarded(DbExecute db, long id) {
        db.update("UPDATE mail_job SET status = 'DISCARDED' WHERE id = ?", id);
    }

    /** Records a failed attempt: retried later with exponential back-off, or given up after the last. */
    public MailStatus markFailed(DbExecute db, MailJob job, String error) {
        int attempts = job.attempts() + 1;
        MailStatus status = attempts >= maxAttempts ? MailStatus.FAILED : MailStatus.QUEUED;
        long next = clock.millis() + backoff(attempts).toMillis();
        db.update("UPDATE mail_job SET status = ?, attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?",
                status.name(), attempts, next, truncate(error), job.id());
        return status;
    }

    Duration backoff(int attempts) {
        Duration delay = initialDelay.multipliedBy(1L << Math.min(attempts - 1, 20));
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    private static String truncate(String error) {
        return error == null || error.length() <= ERROR_MAX ? error : error.substring(0, ERROR_MAX);
    }

    private static MailJob map(DbRow row) {
        return new MailJob(Rows.longOf(row, "id"), MailKind.valueOf(Rows.stringOf(row, "kind")),
                Rows.stringOf(row, "recipient"), Rows.stringOf(row, "client_ip"), Rows.stringOf(row, "actor"),
                Instant.ofEpochMilli(Rows.longOf(row, "created_at")), Rows.intOf(row, "attempts"));
    }
}
