package dev.latchkey.server.mfa;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbTransaction;

import dev.latchkey.api.ErrorCode;
import dev.latchkey.api.Responses.CaseSummary;
import dev.latchkey.server.audit.AuditType;
import dev.latchkey.server.cases.Cases;
import dev.latchkey.server.db.Database;
import dev.latchkey.server.http.ApiException;
import dev.latchkey.server.mail.MailKind;
import dev.latchkey.server.metrics.Meters;
import dev.latchkey.server.ratelimit.Limiter;
import dev.latchkey.server.user.User;
import dev.latchkey.server.user.Users;

/**
 * The help desk's removal of a second factor its owner lost. It does not happen at once: the owner is
 * emailed, and the factor goes only when {@code auth.mfa.removal-delay} has passed. Whoever still has
 * the factor stops it by using it (signing in with a code or a recovery code); an owner who objects
 * confirms the email's "Not you?" link, which opens a report case (and holds the account): a removal
 * whose account has a report opened since it was asked, or is held, is cancelled when its time comes.
 * A case of its own follows each removal, and every step is audited.
 */
public final class FactorRemovals implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(FactorRemovals.class.getName());
    /** How often the server looks for removals whose time has come: a removal happens within this of it. */
    private static final Duration SWEEP = Duration.ofMinutes(1);
    private static final int BATCH = 100;
    /** Who the case notes the server writes are by. */
    private static final String NOTE_AUTHOR = "Latchkey";

    private final Database db;
    private final Users users;
    private final SecondFactors factors;
    private final Cases cases;
    private final FactorNotices notices;
    private final Meters meters;
    /** The staff member's hourly budget of resets and invitations, which a removal takes from too. */
    private final Limiter staffQuota;
    private final Duration delay;
    private final Clock clock;
    private ScheduledExecutorService sweeper;

    public FactorRemovals(Database db, Users users, SecondFactors factors, Cases cases, FactorNotices notices,
                          Meters meters, Limiter staffQuota, Duration delay, Clock clock) {
        this.db = db;
        this.users = users;
        this.factors = factors;
        this.cases = cases;
        this.notices = notices;
        this.meters = meters;
        this.staffQuota = staffQuota;
        this.delay = delay;
        this.clock = clock;
    }

    /**
     * Asks for the removal of {@code owner}'s factor by {@code staff} (who may act on that account) and
     * returns when it happens; 409 when there is no factor, a removal is already waiting, or the account
     * is held (its report case comes first).
     */
    public Instant request(User staff, User owner, String reason, String clientIp) {
        if (!owner.secondFactor()) {
            throw ApiException.of(ErrorCode.CONFLICT, "api.secondFactor.none");
        }
        if (owner.held()) {
            throw ApiException.of(ErrorCode.CONFLICT, "api.user.held");
        }
        staffQuota.hit(Long.toString(staff.id())).throwIfRefused();
        Instant due = clock.instant().plus(delay).truncatedTo(ChronoUnit.MILLIS); // as the database keeps it
        db.inTransaction(tx -> {
            long caseId = cases.open(tx, Cases.Kind.FACTOR_REMOVAL, null,
                    "Second factor to be removed at " + due + ", asked by " + staff.email(), owner.id(), null);
            if (!factors.scheduleRemoval(tx, owner.id(), due, caseId)) {
                throw ApiException.of(ErrorCode.CONFLICT, "api.secondFactor.removalWaiting");
            }
            cases.addNote(tx, caseId, staff.email(), "Reason: " + reason);
            notices.recordByStaff(tx, owner, staff, AuditType.SECOND_FACTOR_REMOVAL_REQUESTED,
                    MailKind.SECOND_FACTOR_REMOVAL_REQUESTED, clientIp,
                    "Second factor to be removed at " + due + " unless the owner uses it or objects; case " + caseId
                            + "; reason: " + reason);
            return null;
        });
        notices.committed();
        meters.secondFactor(Meters.SecondFactor.REMOVAL_REQUESTED);
        return due;
    }

    /** The owner just used their factor ({@code where}): a removal waiting for its time is cancelled. */
    public void usedByOwner(User owner, String clientIp, String where) {
        if (owner.secondFactorRemovalDue() == null) {
            return;
        }
        boolean cancelled = db.inTransaction(tx -> factors.pendingRemoval(tx, owner.id())
                .map(removal -> cancel(tx, owner, removal, owner.email(), clientIp,
                        "the owner used the second factor " + where))
                .orElse(false));
        if (cancelled) {
            meters.secondFactor(Meters.SecondFactor.REMOVAL_CANCELLED);
        }
    }

    /**
     * Carries out (or cancels) every removal whose time has come. Safe on several instances at once:
     * each removal is taken by one of them.
     */
    public void applyDue() {
        List<SecondFactors.PendingRemoval> due;
        Optional<SecondFactors.PendingRemoval> last = Optional.empty();
        do {
            due = factors.dueRemovals(db.execute(), last, BATCH);
            due.forEach(this::apply);
            last = due.isEmpty() ? last : Optional.of(due.get(due.size() - 1));
        } while (due.size() == BATCH);
    }

    private enum Outcome { NONE, REMOVED, CANCELLED }

    private void apply(SecondFactors.PendingRemoval removal) {
        Outcome outcome = db.inTransaction(tx -> {
            Optional<User> owner = users.findById(tx, removal.userId());
            Optional<CaseSummary> followed = cases.find(tx, removal.caseId());
            if (owner.isEmpty() || followed.isEmpty()) {
                return Outcome.NONE;
            }
            Instant asked = Instant.parse(followed.get().openedAt());
            Optional<String> objection = objection(tx, owner.get(), followed.get(), asked);
            if (objection.isPresent()) {
                return cancel(tx, owner.get(), removal, null, null, objection.get()) ? Outcome.CANCELLED : Outcome.NONE;
            }
            if (!notices.told(tx, owner.get(), MailKind.SECOND_FACTOR_REMOVAL_REQUESTED, asked)) {
                return Outcome.NONE; // the owner's time to object starts only once they were told: it waits
            }
            if (!factors.takeRemoval(tx, removal, asked)) {
                return Outcome.NONE; // another instance, the owner's sign-in or a report took it meanwhile
            }
            factors.remove(tx, removal.userId());
            cases.addNote(tx, removal.caseId(), NOTE_AUTHOR, "Removed: the waiting time ended and the owner neither"
                    + " used the second factor nor objected");
            cases.setStatus(tx, removal.caseId(), Cases.Status.RESOLVED);
            notices.recordByServer(tx, owner.get(), AuditType.SECOND_FACTOR_REMOVED, MailKind.SECOND_FACTOR_REMOVED,
                    "Second factor and recovery codes removed by the help desk after the waiting time; case "
                            + removal.caseId());
            return Outcome.REMOVED;
        });
        switch (outcome) {
            case REMOVED -> {
                notices.committed();
                meters.secondFactor(Meters.SecondFactor.REMOVED);
            }
            case CANCELLED -> meters.secondFactor(Meters.SecondFactor.REMOVAL_CANCELLED);
            case NONE -> {
            }
        }
    }

    /**
     * Why the removal is not to happen: staff resolved its case (they found they were fooled), the
     * account is held, or the owner confirmed a report since it was asked.
     */
    private Optional<String> objection(DbExecute tx, User owner, CaseSummary followed, Instant asked) {
        if (Cases.Status.RESOLVED.name().equals(followed.status())) {
            return Optional.of("the help desk resolved its case before its time");
        }
        if (owner.held()) {
            return Optional.of("the account is held");
        }
        return users.reportedSince(tx, owner.id(), asked)
                ? Optional.of("the owner confirmed a \"Not you?\" report since it was asked") : Optional.empty();
    }

    /**
     * Cancels {@code removal} in {@code tx}, unless someone else did first; the case stays open, for the
     * help desk to see why a removal was asked for when the owner still has the factor.
     */
    private boolean cancel(DbTransaction tx, User owner, SecondFactors.PendingRemoval removal, String actor,
                           String clientIp, String why) {
        if (!factors.dropRemoval(tx, removal)) {
            return false;
        }
        cases.addNote(tx, removal.caseId(), NOTE_AUTHOR, "Cancelled: " + why);
        notices.audit(tx, owner, AuditType.SECOND_FACTOR_REMOVAL_CANCELLED, actor, clientIp,
                "Second-factor removal cancelled: " + why + "; case " + removal.caseId());
        return true;
    }

    /** Looks for removals whose time has come every minute, on a thread of its own. */
    public void start() {
        sweeper = Executors.newSingleThreadScheduledExecutor(
                task -> Thread.ofPlatform().daemon().name("latchkey-factor-removals").unstarted(task));
        sweeper.scheduleWithFixedDelay(() -> {
            try {
                applyDue();
            } catch (RuntimeException e) {
                // The next round tries again; the waiting removals stay in the database.
                LOG.log(Level.WARNING, "Second-factor removals: " + e.getMessage(), e);
            }
        }, SWEEP.toSeconds(), SWEEP.toSeconds(), TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
    }
}
