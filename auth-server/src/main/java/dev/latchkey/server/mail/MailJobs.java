package dev.latchkey.server.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import io.helidon.dbclient.DbTransaction;

import dev.latchkey.server.db.Database;
import dev.latchkey.server.db.Dialect;
import dev.latchkey.server.db.Insert;
import dev.latchkey.server.db.Rows;
import dev.latchkey.server.i18n.Reader;

/** The {@code mail_job} table: the durable queue between a request and a delivery. */
public final class MailJobs {
    private static final int ERROR_MAX = 500;
    private static final String RELEASE = " claimed_by = NULL, claimed_until = NULL";

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

    /** Queues a job through {@code db}: in the caller's transaction, it commits with whatever caused it. */
    public void enqueue(DbExecute db, MailKind kind, String recipient, String clientIp, String actor) {
        enqueue(db, kind, recipient, clientIp, actor, Optional.empty());
    }

    /** A reset request's job: it carries what the client said of its reader, for the sender to store. */
    public void enqueue(DbExecute db, MailKind kind, String recipient, String clientIp, String actor,
                        Optional<Reader> reader) {
        long now = clock.millis();
        Insert.into(db, "mail_job", "kind", kind.name(), "recipient", recipient, "client_ip", clientIp, "actor", actor,
                "created_at", now, "status", MailStatus.QUEUED.name(), "attempts", 0, "next_attempt_at", now,
                "language_tag", reader.map(Reader::languageTag).orElse(null),
                "time_zone", reader.map(Reader::zoneId).orElse(null));
    }

    /**
     * Queues a job in the caller's transaction and returns its id (read on the transaction's own
     * connection, which is why a transaction is required).
     */
    public long enqueueReturningId(DbTransaction tx, MailKind kind, String recipient, String clientIp, String actor) {
        enqueue(tx, kind, recipient, clientIp, actor);
        return dialect.lastIdentity(tx);
    }

    /** The jobs a sender claimed, and until when (epoch milliseconds) its claim on them holds. */
    public record Claim(List<MailJob> jobs, long until) {
    }

    /**
     * Claims up to {@code limit} due jobs for {@code owner} until {@code lease} from now: no other
     * sender takes them before then. Jobs whose claim ran out (their holder died) are due again. On
     * PostgreSQL the rows another instance is claiming at the same moment are skipped, not waited for.
     */
    public Claim claim(Database db, String owner, int limit, Duration lease) {
        return db.inTransaction(tx -> {
            long now = clock.millis();
            List<MailJob> due;
            // The claim index is in this query's order: reading it, the database stops after the first rows.
            try (Stream<DbRow> rows = tx.query("SELECT id, kind, recipient, client_ip, actor, created_at, attempts,"
                    + " language_tag, time_zone"
                    + " FROM mail_job" + dialect.useIndex("mail_job_claim")
                    + " WHERE status = 'QUEUED' AND next_attempt_at <= ?"
                    + " AND (claimed_until IS NULL OR claimed_until <= ?) ORDER BY next_attempt_at, id"
                    + " FETCH FIRST " + limit + " ROWS ONLY" + dialect.skipLocked(), now, now)) {
                due = rows.map(MailJobs::map).toList();
            }
            long until = now + lease.toMillis();
            return new Claim(due.stream().filter(job -> tx.update("UPDATE mail_job SET claimed_by = ?,"
                    + " claimed_until = ? WHERE id = ? AND status = 'QUEUED'"
                    + " AND (claimed_until IS NULL OR claimed_until <= ?)", owner, until, job.id(), now) == 1)
                    .toList(), until);
        });
    }

    /**
     * Makes sure {@code owner}'s claim on a job, taken until {@code until}, still holds for {@code needed}
     * from now, right before it is delivered. A claim that does is left as it is, with no write; a
     * shorter one is renewed to {@code lease} from now. False when the claim ran out and the job may be
     * another sender's by now.
     */
    public boolean holdFor(DbExecute db, long id, String owner, long until, Duration needed, Duration lease) {
        long now = clock.millis();
        if (until - now >= needed.toMillis()) {
            return true;
        }
        return db.update("UPDATE mail_job SET claimed_until = ? WHERE id = ? AND claimed_by = ? AND claimed_until > ?",
                now + lease.toMillis(), id, owner, now) == 1;
    }

    /** The transport accepted it: recorded whoever holds the claim by now. */
    /** Whether an email of {@code kind} queued at or after {@code since} reached {@code recipient}'s mail server. */
    public boolean sentSince(DbExecute db, MailKind kind, String recipient, Instant since) {
        return db.get("SELECT 1 AS one FROM mail_job WHERE kind = ? AND recipient = ? AND created_at >= ? AND status = ?"
                + " FETCH FIRST 1 ROWS ONLY", kind.name(), recipient, since.toEpochMilli(), MailStatus.SENT.name())
                .isPresent();
    }

    public void markSent(DbExecute db, long id) {
        db.update("UPDATE mail_job SET status = 'SENT', sent_at = ?, attempts = attempts + 1," + RELEASE
                + " WHERE id = ?", clock.millis(), id);
    }

    public void markDiscarded(DbExecute db, long id, String owner) {
        db.update("UPDATE mail_job SET status = 'DISCARDED'," + RELEASE + " WHERE id = ? AND claimed_by = ?",
                id, owner);
    }

    /** Gives up {@code owner}'s claims on jobs it has not finished (a sender stopping). */
    public void release(DbExecute db, String owner) {
        db.update("UPDATE mail_job SET" + RELEASE + " WHERE claimed_by = ?", owner);
    }

    /** Frees every claim: for a database only this process uses, where any claim left is a dead run's. */
    public void releaseAll(DbExecute db) {
        db.update("UPDATE mail_job SET" + RELEASE + " WHERE claimed_by IS NOT NULL");
    }

    /**
     * Records a failed attempt: retried later with exponential back-off, or given up after the last.
     * Only while {@code owner} still holds the claim; returns empty when another sender took the job.
     */
    public Optional<MailStatus> markFailed(DbExecute db, MailJob job, String error, String owner) {
        int attempts = job.attempts() + 1;
        MailStatus status = attempts >= maxAttempts ? MailStatus.FAILED : MailStatus.QUEUED;
        long next = clock.millis() + backoff(attempts).toMillis();
        long updated = db.update("UPDATE mail_job SET status = ?, attempts = ?, next_attempt_at = ?, last_error = ?,"
                + RELEASE + " WHERE id = ? AND claimed_by = ?", status.name(), attempts, next, truncate(error),
                job.id(), owner);
        return updated == 1 ? Optional.of(status) : Optional.empty();
    }

    /** How many jobs stand in each status, and when the oldest still queued was made. */
    public record Queue(Map<MailStatus, Long> counts, Optional<Instant> oldestQueued) {
        public long count(MailStatus status) {
            return counts.getOrDefault(status, 0L);
        }

        public Duration oldestQueuedAge(Instant now) {
            return oldestQueued.map(made -> Duration.between(made, now)).filter(age -> !age.isNegative())
                    .orElse(Duration.ZERO);
        }
    }

    /** The queue's state for the metrics: the counts read the status index, the oldest only queued rows. */
    public Queue queue(DbExecute db) {
        Map<MailStatus, Long> counts = new EnumMap<>(MailStatus.class);
        try (Stream<DbRow> rows = db.query("SELECT status, COUNT(*) AS n FROM mail_job GROUP BY status")) {
            rows.forEach(row -> counts.put(MailStatus.valueOf(Rows.stringOf(row, "status")), Rows.longOf(row, "n")));
        }
        Optional<Instant> oldest = db.get("SELECT MIN(created_at) AS oldest FROM mail_job WHERE status = 'QUEUED'")
                .map(row -> Rows.nullableLongOf(row, "oldest"))
                .map(Instant::ofEpochMilli);
        return new Queue(counts, oldest);
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
                Instant.ofEpochMilli(Rows.longOf(row, "created_at")), Rows.intOf(row, "attempts"),
                Optional.ofNullable(Rows.stringOf(row, "language_tag"))
                        .map(language -> Reader.stored(language, Rows.stringOf(row, "time_zone"))));
    }
}
