package dev.latchkey.server.cases;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import io.helidon.dbclient.DbTransaction;

import dev.latchkey.api.Responses.CaseNote;
import dev.latchkey.api.Responses.CasePage;
import dev.latchkey.api.Responses.CaseSummary;
import dev.latchkey.server.db.Dialect;
import dev.latchkey.server.db.Insert;
import dev.latchkey.server.db.Rows;

/** The {@code support_case} and {@code case_note} tables: what the help desk has to look into. */
public final class Cases {
    public enum Kind {
        REPORT, SIGNAL,
        /** A second factor the help desk asked to remove, waiting for its time. */
        FACTOR_REMOVAL
    }

    public enum Status { OPEN, ACKNOWLEDGED, RESOLVED }

    /** What a signal case is about. */
    public enum Signal { MANY_ADDRESSES_FROM_IP, MANY_REJECTED_TOKENS_FROM_IP, STAFF_ACCOUNT_RESET, FAR_NETWORK_COMPLETE }

    /** The most cases one page of the queue holds. */
    public static final int PAGE_MAX = 200;
    /** A case's reference: 12 symbols of 30 (about 59 bits), in three groups, without look-alikes. */
    private static final String REFERENCE_SYMBOLS = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int REFERENCE_LENGTH = 12;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SELECT = "SELECT c.id, c.kind, c.signal_name, c.status, c.summary, c.user_id,"
            + " c.client_ip, c.opened_at, c.updated_at, c.reference, u.email, u.held_at,"
            + " CASE WHEN u.held_at IS NOT NULL AND c.status <> 'RESOLVED' THEN 0 ELSE 1 END AS calm,"
            + " CASE WHEN c.status = 'RESOLVED' THEN 1 ELSE 0 END AS done"
            + " FROM support_case c LEFT JOIN app_user u ON u.id = c.user_id";

    /** What the queue is narrowed to; an empty one means any. */
    public record Filter(Optional<Status> status, Optional<Kind> kind, Optional<Long> userId,
                         Optional<String> reference) {
        public static final Filter NONE = new Filter(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    private final Dialect dialect;
    private final Clock clock;

    public Cases(Dialect dialect, Clock clock) {
        this.dialect = dialect;
        this.clock = clock;
    }

    /** Opens a case in the caller's transaction and returns its number. */
    public long open(DbTransaction tx, Kind kind, Signal signal, String summary, Long userId, String clientIp) {
        long now = clock.millis();
        Insert.into(tx, "support_case", "kind", kind.name(), "signal_name", signal == null ? null : signal.name(),
                "status", Status.OPEN.name(), "summary", summary, "user_id", userId, "client_ip", clientIp,
                "opened_at", now, "updated_at", now, "reference", newReference());
        return dialect.lastIdentity(tx);
    }

    /** The case's reference, given one first if it was opened before cases had them. */
    public String reference(DbExecute db, long id) {
        db.update("UPDATE support_case SET reference = ? WHERE id = ? AND reference IS NULL", newReference(), id);
        return db.get("SELECT reference FROM support_case WHERE id = ?", id)
                .map(row -> Rows.stringOf(row, "reference")).orElseThrow();
    }

    private static String newReference() {
        StringBuilder reference = new StringBuilder();
        for (int i = 0; i < REFERENCE_LENGTH; i++) {
            if (i > 0 && i % 4 == 0) {
                reference.append('-');
            }
            reference.append(REFERENCE_SYMBOLS.charAt(RANDOM.nextInt(REFERENCE_SYMBOLS.length())));
        }
        return reference.toString();
    }

    /** A reference as an owner may read it out: in any case, with or without its dashes and spaces. */
    public static String normalizeReference(String typed) {
        String symbols = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        return symbols.length() != REFERENCE_LENGTH ? symbols
                : symbols.substring(0, 4) + "-" + symbols.substring(4, 8) + "-" + symbols.substring(8);
    }

    /** The user's report case that is not resolved yet, if any: a new report of theirs joins it. */
    public Optional<Long> openReportOf(DbExecute db, long userId) {
        return db.get("SELECT id FROM support_case WHERE user_id = ? AND kind = 'REPORT' AND status <> 'RESOLVED'"
                + " ORDER BY id DESC FETCH FIRST 1 ROWS ONLY", userId).map(row -> Rows.longOf(row, "id"));
    }

    /**
     * Marks the case as the place where the user's held account is released: true only for a report
     * case of that user that is not resolved, and then its row stays locked until {@code tx} ends.
     */
    public boolean claimForRelease(DbTransaction tx, long id, long userId) {
        return tx.update("UPDATE support_case SET updated_at = ? WHERE id = ? AND user_id = ? AND kind = 'REPORT'"
                + " AND status <> 'RESOLVED'", clock.millis(), id, userId) == 1;
    }

    /**
     * Whether a signal of this kind about this user (or, without a user, this client IP) is already
     * open from within {@code window}: the help desk gets one case for a burst, not one per event.
     */
    public boolean signalOpen(DbExecute db, Signal signal, Long userId, String clientIp, Duration window) {
        String about = userId != null ? " AND user_id = ?" : " AND client_ip = ?";
        return db.get("SELECT 1 AS one FROM support_case WHERE signal_name = ? AND status <> 'RESOLVED'"
                        + about + " AND opened_at > ? FETCH FIRST 1 ROWS ONLY", signal.name(),
                userId != null ? userId : clientIp, clock.millis() - window.toMillis()).isPresent();
    }

    /**
     * Whether a signal of this kind about any network whose written form starts with {@code prefix}
     * (an IPv6 /48's first three groups and a colon: its own case and those of its /64s) is already open
     * from within {@code window}: one case per /48 per window, however many of its /64s trip it.
     */
    public boolean signalOpenWithin(DbExecute db, Signal signal, String prefix, Duration window) {
        return db.get("SELECT 1 AS one FROM support_case WHERE signal_name = ? AND status <> 'RESOLVED'"
                        + " AND user_id IS NULL AND client_ip LIKE ? AND opened_at > ? FETCH FIRST 1 ROWS ONLY",
                signal.name(), prefix + "%", clock.millis() - window.toMillis()).isPresent();
    }

    /**
     * One page of the cases {@code filter} lets through: held accounts' open cases first, then open and
     * acknowledged ones, owners' reports and removals before signals (a flood of signals must not push
     * a report out of view), then resolved ones; newest first within each. With how many match in all,
     * and how many cases are not resolved.
     */
    public CasePage list(DbExecute db, Filter filter, int limit, int offset) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        filter.status().ifPresent(status -> {
            where.append(" AND c.status = ?");
            params.add(status.name());
        });
        filter.kind().ifPresent(kind -> {
            where.append(" AND c.kind = ?");
            params.add(kind.name());
        });
        filter.userId().ifPresent(userId -> {
            where.append(" AND c.user_id = ?");
            params.add(userId);
        });
        filter.reference().ifPresent(reference -> {
            where.append(" AND c.reference = ?");
            params.add(reference);
        });
        List<CaseSummary> page;
        try (Stream<DbRow> rows = db.query(SELECT + where + " ORDER BY calm, done, c.kind, c.opened_at DESC, c.id DESC"
                + " OFFSET " + Math.max(offset, 0) + " ROWS FETCH FIRST " + Math.min(Math.max(limit, 1), PAGE_MAX)
                + " ROWS ONLY", params.toArray())) {
            page = rows.map(Cases::summary).toList();
        }
        int total = db.get("SELECT COUNT(*) AS n FROM support_case c" + where, params.toArray())
                .map(row -> Rows.intOf(row, "n")).orElse(0);
        int open = db.get("SELECT COUNT(*) AS n FROM support_case WHERE status <> 'RESOLVED'")
                .map(row -> Rows.intOf(row, "n")).orElse(0);
        return new CasePage(page, total, open);
    }

    public Optional<CaseSummary> find(DbExecute db, long id) {
        return db.get(SELECT + " WHERE c.id = ?", id).map(Cases::summary);
    }

    public void setStatus(DbExecute db, long id, Status status) {
        db.update("UPDATE support_case SET status = ?, updated_at = ? WHERE id = ?", status.name(), clock.millis(), id);
    }

    /**
     * Resolves the case, unless it is the report case of an account that is still held: the release
     * comes from that case, so it stays open until then. One statement, so a hold meanwhile is seen.
     */
    public boolean resolve(DbExecute db, long id) {
        return db.update("UPDATE support_case SET status = ?, updated_at = ? WHERE id = ? AND NOT (kind = 'REPORT'"
                + " AND user_id IN (SELECT u.id FROM app_user u WHERE u.held_at IS NOT NULL))",
                Status.RESOLVED.name(), clock.millis(), id) == 1;
    }

    public void acknowledgeIfOpen(DbExecute db, long id) {
        db.update("UPDATE support_case SET status = ?, updated_at = ? WHERE id = ? AND status = ?",
                Status.ACKNOWLEDGED.name(), clock.millis(), id, Status.OPEN.name());
    }

    public void addNote(DbExecute db, long caseId, String author, String text) {
        long now = clock.millis();
        Insert.into(db, "case_note", "case_id", caseId, "written_at", now, "author", author, "body", text);
        db.update("UPDATE support_case SET updated_at = ? WHERE id = ?", now, caseId);
    }

    public List<CaseNote> notes(DbExecute db, long caseId) {
        try (Stream<DbRow> rows = db.query("SELECT written_at, author, body FROM case_note WHERE case_id = ?"
                + " ORDER BY id", caseId)) {
            return rows.map(row -> new CaseNote(Rows.instantOf(row, "written_at").toString(),
                    Rows.stringOf(row, "author"), Rows.stringOf(row, "body"))).toList();
        }
    }

    private static CaseSummary summary(DbRow row) {
        return new CaseSummary(Rows.longOf(row, "id"), Rows.stringOf(row, "kind"), Rows.stringOf(row, "signal_name"),
                Rows.stringOf(row, "status"), Rows.stringOf(row, "summary"),
                Rows.nullableLongOf(row, "user_id"), Rows.stringOf(row, "email"),
                Rows.stringOf(row, "client_ip"), Rows.instantOf(row, "held_at") != null,
                Rows.instantOf(row, "opened_at").toString(), Rows.instantOf(row, "updated_at").toString(),
                Rows.stringOf(row, "reference"));
    }
}
