package dev.latchkey.server.helpdesk;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import io.helidon.dbclient.DbRow;

import dev.latchkey.api.ErrorCode;
import dev.latchkey.api.Responses.AuditEntry;
import dev.latchkey.api.Responses.Delivery;
import dev.latchkey.api.Responses.HelpdeskUser;
import dev.latchkey.api.Role;
import dev.latchkey.server.audit.AuditEvent;
import dev.latchkey.server.audit.AuditLog;
import dev.latchkey.server.audit.AuditType;
import dev.latchkey.server.db.Database;
import dev.latchkey.server.db.Rows;
import dev.latchkey.server.http.ApiException;
import dev.latchkey.server.http.IpRange;
import dev.latchkey.server.i18n.Reader;
import dev.latchkey.server.mail.MailJobs;
import dev.latchkey.server.mail.MailKind;
import dev.latchkey.server.ratelimit.SignInThrottle;
import dev.latchkey.server.ratelimit.Limiter;
import dev.latchkey.server.session.Caller;
import dev.latchkey.server.session.Sessions;
import dev.latchkey.server.user.User;
import dev.latchkey.server.user.Users;

/**
 * What help-desk staff may do: find users, invite them, start a reset (the email goes to the user's
 * own address; staff never see or choose a token or password), clear a sign-in lock, sign a user out
 * everywhere, read the audit trail. HELPDESK members may not act on staff accounts; only ADMIN creates them.
 */
public final class HelpdeskService {
    static final int SEARCH_LIMIT = 50;
    static final int AUDIT_LIMIT_MAX = 200;

    private final Database db;
    private final Users users;
    private final Sessions sessions;
    private final MailJobs mailJobs;
    private final Runnable mailWake;
    private final AuditLog audit;
    private final SignInThrottle throttle;
    /** Resets and invitations one staff member may start per hour (each sends a branded email). */
    private final Limiter staffQuota;
    private final Clock clock;

    public HelpdeskService(Database db, Users users, Sessions sessions, MailJobs mailJobs, Runnable mailWake,
                           AuditLog audit, SignInThrottle throttle, Limiter staffQuota, Clock clock) {
        this.db = db;
        this.users = users;
        this.sessions = sessions;
        this.mailJobs = mailJobs;
        this.mailWake = mailWake;
        this.audit = audit;
        this.throttle = throttle;
        this.staffQuota = staffQuota;
        this.clock = clock;
    }

    /** 403 unless the caller is HELPDESK or ADMIN. */
    public static void requireStaff(Caller caller) {
        if (!caller.user().role().isStaff()) {
            throw ApiException.of(ErrorCode.FORBIDDEN, "api.staffOnly");
        }
    }

    public List<HelpdeskUser> search(Caller staff, String query) {
        requireStaff(staff);
        return users.search(db.execute(), query, SEARCH_LIMIT).stream().map(this::view).toList();
    }

    /** Creates an account without a password and sends its owner an invitation to choose one. */
    public HelpdeskUser invite(Caller staff, String email, String displayName, Role role, Optional<Locale> language,
                               String clientIp) {
        requireStaff(staff);
        if (role != Role.USER && staff.user().role() != Role.ADMIN) {
            throw ApiException.of(ErrorCode.FORBIDDEN, "api.adminOnly.create");
        }
        if (users.findByEmail(db.execute(), email).isPresent()) {
            throw ApiException.of(ErrorCode.CONFLICT, "api.user.exists");
        }
        staffQuota.hit(Long.toString(staff.user().id())).throwIfRefused();
        User created;
        try {
            created = db.inTransaction(tx -> {
                long id = users.create(tx, email, displayName, role, null, clock.instant());
                language.ifPresent(chosen -> users.setReader(tx, id, new Reader(chosen, Optional.empty())));
                long job = mailJobs.enqueueReturningId(tx, MailKind.INVITATION, email, clientIp,
                        staff.user().displayName());
                audit.record(tx, new AuditEvent(AuditType.USER_INVITED, id, email, staff.user().email(), clientIp,
                        "Invited with role " + role + "; invitation email queued").withMailJob(job));
                return users.findById(tx, id).orElseThrow();
            });
        } catch (RuntimeException e) {
            if (users.findByEmail(db.execute(), email).isPresent()) {
                // Two invitations for one address at once: the unique key let one through.
                throw ApiException.of(ErrorCode.CONFLICT, "api.user.exists");
            }
            throw e;
        }
        mailWake.run();
        return view(created);
    }

    /**
     * Sends the user the ordinary reset email, saying the help desk started it; the reason stays in the
     * audit trail. It supersedes the user's older tokens like any other request (when it is delivered).
     */
    public void startReset(Caller staff, long userId, String reason, String clientIp) {
        requireStaff(staff);
        User user = target(staff, userId);
        if (user.held()) {
            throw ApiException.of(ErrorCode.CONFLICT, "api.user.held");
        }
        staffQuota.hit(Long.toString(staff.user().id())).throwIfRefused();
        db.inTransaction(tx -> {
            long job = mailJobs.enqueueReturningId(tx, MailKind.HELPDESK_RESET, user.email(), clientIp,
                    staff.user().displayName());
            audit.record(tx, new AuditEvent(AuditType.HELPDESK_RESET_STARTED, user.id(), user.email(),
                    staff.user().email(), clientIp, "Reason: " + reason).withMailJob(job));
            return null;
        });
        mailWake.run();
    }

    public void unlock(Caller staff, long userId, String clientIp) {
        requireStaff(staff);
        User user = target(staff, userId);
        db.inTransaction(tx -> {
            throttle.clear(tx, user.email());
            audit.record(tx, new AuditEvent(AuditType.USER_UNLOCKED, user.id(), user.email(), staff.user().email(),
                    clientIp, "Sign-in throttle cleared by the help desk"));
            return null;
        });
    }

    /** Ends every session of the user (a lost laptop, a shared computer): each then gets 401. */
    public void endSessions(Caller staff, long userId, String clientIp) {
        requireStaff(staff);
        User user = target(staff, userId);
        db.inTransaction(tx -> {
            sessions.revokeAll(tx, user.id());
            audit.record(tx, new AuditEvent(AuditType.SESSIONS_ENDED, user.id(), user.email(), staff.user().email(),
                    clientIp, "Signed out everywhere by the help desk"));
            return null;
        });
    }

    /**
     * The audit trail, newest first, optionally of one user (their events and the emails sent to their
     * address); {@code before} is the id of the last row of the previous page.
     */
    public List<AuditEntry> audit(Caller staff, Optional<Long> userId, int limit, Optional<Long> before) {
        requireStaff(staff);
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (userId.isPresent()) {
            User user = users.findById(db.execute(), userId.get())
                    .orElseThrow(() -> ApiException.of(ErrorCode.NOT_FOUND, "api.user.notFound"));
            where.append(" AND (a.user_id = ? OR a.user_email = ?)");
            params.add(user.id());
            params.add(user.email());
        }
        before.ifPresent(id -> {
            where.append(" AND a.id < ?");
            params.add(id);
        });
        return trail(where.toString(), limit, params.toArray());
    }

    /**
     * The audit trail of one client IP, or of every address in an IPv6 network ({@code .../64},
     * {@code .../48}), newest first: the events around a signal about that client.
     */
    List<AuditEntry> auditOfIp(String ip, int limit) {
        if (ip.contains("/")) {
            IpRange network = IpRange.parse(ip);
            return trail(" WHERE a.client_ip_hex BETWEEN ? AND ?", limit, network.firstHex(), network.lastHex());
        }
        return trail(" WHERE a.client_ip = ?", limit, ip);
    }

    /** Audit rows matching {@code where} (on {@code a}, the audit row), newest first, with their email's delivery. */
    private List<AuditEntry> trail(String where, int limit, Object... params) {
        String sql = "SELECT a.id, a.occurred_at, a.event_type, a.user_email, a.actor, a.client_ip, a.detail,"
                + " a.mail_job_id, m.status, m.attempts, m.last_error"
                + " FROM audit_event a LEFT JOIN mail_job m ON m.id = a.mail_job_id" + where
                + " ORDER BY a.id DESC FETCH FIRST " + Math.min(Math.max(limit, 1), AUDIT_LIMIT_MAX) + " ROWS ONLY";
        try (Stream<DbRow> rows = db.execute().query(sql, params)) {
            return rows.map(HelpdeskService::entry).toList();
        }
    }

    /**
     * The user a staff member acts on: 404 if none, 403 if a HELPDESK member aims at a staff account
     * (one help-desk member must not be able to take over another's, or an administrator's).
     */
    User target(Caller staff, long userId) {
        User user = users.findById(db.execute(), userId)
                .orElseThrow(() -> ApiException.of(ErrorCode.NOT_FOUND, "api.user.notFound"));
        if (user.role().isStaff() && staff.user().role() != Role.ADMIN) {
            throw ApiException.of(ErrorCode.FORBIDDEN, "api.adminOnly.act");
        }
        return user;
    }

    private HelpdeskUser view(User user) {
        return new HelpdeskUser(user.id(), user.email(), user.displayName(), user.role(),
                throttle.isLocked(db.execute(), user.email()),
                user.passwordChangedAt() == null ? null : user.passwordChangedAt().toString(), user.secondFactor(),
                user.secondFactorRemovalDue() == null ? null : user.secondFactorRemovalDue().toString());
    }

    private static AuditEntry entry(DbRow row) {
        Delivery delivery = Rows.stringOf(row, "status") == null ? null
                : new Delivery(Rows.stringOf(row, "status"), Rows.intOf(row, "attempts"),
                        Rows.stringOf(row, "last_error"));
        return new AuditEntry(Rows.longOf(row, "id"), Rows.instantOf(row, "occurred_at").toString(),
                Rows.stringOf(row, "event_type"), Rows.stringOf(row, "user_email"), Rows.stringOf(row, "actor"),
                Rows.stringOf(row, "client_ip"), Rows.stringOf(row, "detail"), delivery);
    }
}
