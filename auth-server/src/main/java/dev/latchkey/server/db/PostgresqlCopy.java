package dev.latchkey.server.db;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;

/**
 * Copies an embedded Derby database into an empty PostgreSQL one, in one transaction: accounts with
 * their password hashes, roles and holds, sign-in lockouts, the mail queue (which holds no secret;
 * pending jobs are delivered by the new server, with fresh tokens), the audit trail, the help-desk
 * cases with their notes and the "Not you?" links (hashes only; they stay an owner's way to report for
 * days) and the second factors (sealed keys and hashed recovery codes: the new servers need the old
 * one's key, see SecretBox), keeping their ids. Live reset links and sessions are not copied: they were made for the old
 * server, and last minutes or hours.
 */
public final class PostgresqlCopy {
    /** Tables copied, parents first; whether each has an identity column {@code id}. */
    private static final List<Table> TABLES = List.of(new Table("app_user", true),
            new Table("signin_throttle", false), new Table("mail_job", true), new Table("audit_event", true),
            new Table("support_case", true), new Table("case_note", true), new Table("report_token", true),
            new Table("recovery_code", true));
    private static final List<String> EVERY_TABLE = List.of("app_user", "signin_throttle", "mail_job",
            "audit_event", "support_case", "case_note", "reset_token", "report_token", "user_session", "rate_window",
            "recovery_code");

    private PostgresqlCopy() {
    }

    private record Table(String name, boolean identity) {
    }

    /** What was copied, and what was left behind. */
    public record Report(long users, long lockouts, long mailJobs, long auditEvents, long cases,
                         long reportLinks, long liveResetLinks, long liveSessions) {
    }

    /** A copy that must not happen: an empty source (the wrong folder?) or a target with data already. */
    public static final class CopyRefused extends RuntimeException {
        CopyRefused(String message) {
            super(message);
        }
    }

    public static Report copy(Database from, Database to, long now) {
        if (from.dialect() != Dialect.DERBY || to.dialect() != Dialect.POSTGRESQL) {
            throw new IllegalArgumentException("Copies from Derby to PostgreSQL only");
        }
        if (count(from.execute(), "SELECT COUNT(*) AS n FROM app_user") == 0) {
            throw new CopyRefused("The Derby database holds no account: is it the right data folder?");
        }
        return to.inTransaction(tx -> {
            // No server may write to the target while it is checked and filled.
            tx.dml("LOCK TABLE " + String.join(", ", EVERY_TABLE) + " IN EXCLUSIVE MODE");
            for (String table : EVERY_TABLE) {
                if (count(tx, "SELECT COUNT(*) AS n FROM " + table) > 0) {
                    throw new CopyRefused("The PostgreSQL database is not empty (its " + table + " table has rows):"
                            + " copy into a new, empty database.");
                }
            }
            Map<String, Long> copied = new HashMap<>();
            for (Table table : TABLES) {
                copied.put(table.name(), copyTable(from.execute(), tx, table));
            }
            DbExecute source = from.execute();
            return new Report(copied.get("app_user"), copied.get("signin_throttle"), copied.get("mail_job"),
                    copied.get("audit_event"), copied.get("support_case"), copied.get("report_token"),
                    count(source, "SELECT COUNT(*) AS n FROM reset_token WHERE used_at IS NULL"
                            + " AND invalidated_at IS NULL AND expires_at > ?", now),
                    count(source, "SELECT COUNT(*) AS n FROM user_session WHERE revoked_at IS NULL AND expires_at > ?",
                            now));
        });
    }

    private static long copyTable(DbExecute from, DbExecute to, Table table) {
        long rows = 0;
        try (Stream<DbRow> source = from.query("SELECT * FROM " + table.name() + " ORDER BY 1")) {
            for (DbRow row : (Iterable<DbRow>) source::iterator) {
                Map<String, Object> values = new LinkedHashMap<>();
                row.forEach(column -> {
                    String name = column.name().toLowerCase(Locale.ROOT);
                    // A job claimed by the old server is free again.
                    if (!name.startsWith("claimed_")) {
                        values.put(name, column.get(Object.class));
                    }
                });
                Insert.values(to, table.name(), table.identity() ? " OVERRIDING SYSTEM VALUE" : "", values);
                rows++;
            }
        }
        if (table.identity()) {
            // New rows continue after the copied ids.
            to.get("SELECT setval(pg_get_serial_sequence('" + table.name() + "', 'id'),"
                    + " (SELECT COALESCE(MAX(id), 0) + 1 FROM " + table.name() + "), false) AS next");
        }
        return rows;
    }

    private static long count(DbExecute db, String sql, Object... params) {
        return db.get(sql, params).map(row -> Rows.longOf(row, "n")).orElse(0L);
    }
}
