package dev.latchkey.server.db;

import java.time.Instant;
import io.helidon.dbclient.DbColumn;
import io.helidon.dbclient.DbRow;

/**
 * Small readers for the column types the schema uses. Derby reports unquoted names in upper case,
 * PostgreSQL in lower case, and DbClient matches names exactly: these readers match them ignoring case,
 * so callers name columns as they are written in SQL.
 */
public final class Rows {
    private Rows() {
    }

    private static Object value(DbRow row, String column) {
        DbColumn[] found = new DbColumn[1];
        row.forEach(c -> {
            if (found[0] == null && c.name().equalsIgnoreCase(column)) {
                found[0] = c;
            }
        });
        if (found[0] == null) {
            throw new IllegalArgumentException("No column " + column + " in the row");
        }
        return found[0].get(Object.class);
    }

    public static long longOf(DbRow row, String column) {
        return ((Number) value(row, column)).longValue();
    }

    /** A nullable number column, or null. */
    public static Long nullableLongOf(DbRow row, String column) {
        Object value = value(row, column);
        return value == null ? null : ((Number) value).longValue();
    }

    public static int intOf(DbRow row, String column) {
        return ((Number) value(row, column)).intValue();
    }

    public static String stringOf(DbRow row, String column) {
        Object value = value(row, column);
        return value == null ? null : value.toString();
    }

    /** An epoch-millisecond column as an instant, or null. */
    public static Instant instantOf(DbRow row, String column) {
        Object value = value(row, column);
        return value == null ? null : Instant.ofEpochMilli(((Number) value).longValue());
    }
}
