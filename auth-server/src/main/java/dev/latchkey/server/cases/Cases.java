package dev.latchkey.server.cases;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import io.helidon.dbclient.DbTransaction;

import dev.latchkey.api.Responses.CaseNote;
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

    static final int LIST_LIMIT = 200;
    private static final String SELECT = "SELECT c.id, c.kind, c.signal_name, c.status, c.summary, c.user_id,"
            + " c.client_ip, c.opened_at, c.updated_at, u.email, u.held_at,"
            + " CASE WHEN c.status = 'RESOLVED' THEN 1 ELSE 0 END AS done"
            + " FROM support_case c LEFT JOIN app_user u ON u.id = c.user_id";

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
                "opened_at", now, "updated_at", now);
        return dialect.lastIdentity(tx);
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

    /** The first report case of the user opened after case {@code caseId}, if any. */
    public Optional<Long> reportOpenedAfter(DbExecute db, long userId, long caseId) {
        return db.get("SELECT id FROM support_case WHERE user_id = ? AND kind = 'REPORT' AND id > ? ORDER BY id"
                + " FETCH FIRST 1 ROWS ONLY", userId, caseId).map(row -> Rows.longOf(row, "id"));
    }

    /**
     * Open and acknowledged cases first, owners' reports before signals (a flood of signals must not
     * push a report out of view), then resolved ones; newest first within each.
     */
    public List<CaseSummary> list(DbExecute db) {
        try (Stream<DbRow> rows = db.query(SELECT + " ORDER BY done, c.kind, c.opened_at DESC, c.id DESC FETCH FIRST "
                + LIST_LIMIT + " ROWS ONLY")) {
            return rows.map(Cases::summary).toList();
        }
    }

    public Optional<CaseSummary> find(DbExecute db, long id) {
        return db.get(SELECT + " WHERE c.id = ?", id).map(Cases::summary);
    }

    public void setStatus(DbExecute db, long id, Status status) {
        db.update("UPDATE support_case SET status = ?, updated_at = ? WHERE id = ?", status.name(), clock.millis(), id);
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
                Rows.instantOf(row, "opened_at").toString(), Rows.instantOf(row, "updated_at").toString());
    }
}
