package dev.latchkey.server.retention;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.ObjLongConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.latchkey.server.config.RetentionSettings;
import dev.latchkey.server.db.Database;

/**
 * Deletes what is past its retention ({@link RetentionSettings}): ended tokens and sessions, finished
 * mail jobs, stale sign-in throttle rows and expired shared rate windows, resolved cases with their
 * notes, and old audit events. Rows go in batches of {@value #BATCH}, each its own short transaction,
 * so no table is locked for long. A running server does it every {@code interval}, first shortly after
 * it starts; {@code db cleanup} once. Of several instances on one database, only the one holding the
 * lease runs it at a time.
 */
public final class Retention implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Retention.class.getName());
    static final int BATCH = 500;
    /** The lease outlives any batch many times over; it is renewed before each. */
    static final Duration LEASE = Duration.ofMinutes(5);
    /** The first run after start: soon, but not in the way of the start itself. */
    private static final Duration FIRST_RUN = Duration.ofMinutes(1);

    /** What is deleted; {@link #label()} is the metric's and the command's name for it. */
    public enum Kind {
        RESET_TOKENS, REPORT_TOKENS, SESSIONS, MAIL_SENT, MAIL_FAILED, SIGN_IN_THROTTLE, RATE_WINDOWS, CASES,
        CASE_NOTES, AUDIT;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Database db;
    private final RetentionSettings settings;
    private final Clock clock;
    private final Lease lease;
    private final ObjLongConsumer<Kind> deleted;
    private ScheduledExecutorService schedule;
    /** Set by close(): a run in progress stops after its current batch. */
    private volatile boolean closing;

    /** {@code deleted} is told each batch's count (the metrics). */
    public Retention(Database db, RetentionSettings settings, Clock clock, ObjLongConsumer<Kind> deleted) {
        this.db = db;
        this.settings = settings;
        this.clock = clock;
        this.deleted = deleted;
        this.lease = new Lease(db, "retention", "pid " + ProcessHandle.current().pid() + " " + UUID.randomUUID(),
                LEASE, clock);
    }

    /**
     * Deletes every kind's rows past their retention now, and returns how many of each; empty when
     * another instance holds the lease. A run that loses the lease midway (it stalled past it) stops
     * there and returns what it deleted.
     */
    public synchronized Optional<Map<Kind, Long>> runOnce() {
        if (!lease.acquire()) {
            return Optional.empty();
        }
        Map<Kind, Long> removed = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            removed.put(kind, 0L);
        }
        try {
            for (Sweep sweep : sweeps(clock.millis())) {
                if (!sweepAll(sweep, removed)) {
                    LOG.warning("Retention lost its lease (a run stalled longer than " + LEASE + "); it stops here");
                    break;
                }
            }
        } finally {
            lease.release();
        }
        return Optional.of(removed);
    }

    /** Batches until one comes back short; false when the lease could not be renewed before one. */
    private boolean sweepAll(Sweep sweep, Map<Kind, Long> removed) {
        Sweep.Batch batch;
        do {
            if (closing) {
                return true;
            }
            if (!lease.acquire()) {
                return false;
            }
            batch = db.inTransaction(tx -> sweep.run(tx, BATCH));
            count(sweep.kind(), batch.deleted(), removed);
            long dependents = batch.dependents();
            sweep.dependent().flatMap(Sweep.Dependent::kind).ifPresent(kind -> count(kind, dependents, removed));
        } while (batch.read() == BATCH);
        return true;
    }

    private void count(Kind kind, long rows, Map<Kind, Long> removed) {
        if (rows > 0) {
            removed.merge(kind, rows, Long::sum);
            deleted.accept(kind, rows);
        }
    }

    /**
     * In an order that keeps references whole: "Not you?" tokens go before the mail jobs they name (a
     * job is kept while a token names it); a mail job's audit events are unlinked from it (the trail
     * then shows the event without its delivery); a case's notes go with it, and a case an account still
     * names stays.
     */
    private List<Sweep> sweeps(long now) {
        long tokens = now - settings.tokens().toMillis();
        long throttle = now - settings.signInThrottle().toMillis();
        // A finished job stays finished: its age is all there is to check again.
        Optional<Sweep.Dependent> unlinkAudit = Optional.of(new Sweep.Dependent("UPDATE audit_event"
                + " SET mail_job_id = NULL WHERE mail_job_id IN (%s) AND EXISTS (SELECT 1 FROM mail_job m"
                + " WHERE m.id = audit_event.mail_job_id AND m.created_at < ?)", Optional.empty()));
        String unnamed = " AND NOT EXISTS (SELECT 1 FROM report_token r WHERE r.mail_job_id = mail_job.id)";
        return List.of(
                new Sweep(Kind.RESET_TOKENS, "reset_token", "id", "expires_at < ?", List.of(tokens), Optional.empty()),
                new Sweep(Kind.REPORT_TOKENS, "report_token", "id", "expires_at < ?", List.of(tokens),
                        Optional.empty()),
                new Sweep(Kind.SESSIONS, "user_session", "token_hash", "expires_at < ?",
                        List.of(now - settings.sessions().toMillis()), Optional.empty()),
                new Sweep(Kind.MAIL_SENT, "mail_job", "id", "status IN ('SENT', 'DISCARDED') AND created_at < ?"
                        + unnamed, List.of(now - settings.mailSent().toMillis()), unlinkAudit),
                new Sweep(Kind.MAIL_FAILED, "mail_job", "id", "status = 'FAILED' AND created_at < ?" + unnamed,
                        List.of(now - settings.mailFailed().toMillis()), unlinkAudit),
                new Sweep(Kind.SIGN_IN_THROTTLE, "signin_throttle", "email", "last_failure_at < ? AND locked_until < ?",
                        List.of(throttle, throttle), Optional.empty()),
                // Keyed by client_key alone (one key has a row per limit): the condition picks the expired ones.
                new Sweep(Kind.RATE_WINDOWS, "rate_window", "client_key", "expires_at <= ?", List.of(now),
                        Optional.empty()),
                // A case that a pending second-factor removal still follows stays with it.
                new Sweep(Kind.CASES, "support_case", "id", "status = 'RESOLVED' AND updated_at < ?"
                        + " AND NOT EXISTS (SELECT 1 FROM app_user u WHERE u.totp_removal_due IS NOT NULL"
                        + " AND u.totp_removal_case = support_case.id)",
                        List.of(now - settings.cases().toMillis()),
                        Optional.of(new Sweep.Dependent("DELETE FROM case_note WHERE case_id IN (%s)"
                                + " AND EXISTS (SELECT 1 FROM support_case c WHERE c.id = case_note.case_id"
                                + " AND c.status = 'RESOLVED' AND c.updated_at < ?)", Optional.of(Kind.CASE_NOTES)))),
                new Sweep(Kind.AUDIT, "audit_event", "id", "occurred_at < ?",
                        List.of(now - settings.audit().toMillis()), Optional.empty()));
    }

    /** Runs every {@code interval} from shortly after now, on a thread of its own, until closed. */
    public synchronized void start() {
        if (schedule != null) {
            return;
        }
        schedule = Executors.newSingleThreadScheduledExecutor(
                task -> Thread.ofPlatform().daemon().name("latchkey-retention").unstarted(task));
        schedule.scheduleWithFixedDelay(this::runLogged, FIRST_RUN.toMillis(), settings.interval().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void runLogged() {
        try {
            runOnce().ifPresent(removed -> {
                long total = removed.values().stream().mapToLong(Long::longValue).sum();
                if (total > 0) {
                    LOG.info(() -> "Retention deleted " + total + " rows: " + removed);
                }
            });
        } catch (RuntimeException e) {
            // The next run tries again; what this one deleted is committed batch by batch.
            LOG.log(Level.WARNING, "Retention run failed", e);
        }
    }

    /**
     * Stops the schedule; a run in progress ends after its current batch (not interrupted: Derby may
     * close a connection whose thread is interrupted).
     */
    @Override
    public void close() {
        closing = true;
        ScheduledExecutorService running;
        synchronized (this) {
            running = schedule;
            schedule = null;
        }
        if (running == null) {
            return;
        }
        running.shutdown();
        try {
            running.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
