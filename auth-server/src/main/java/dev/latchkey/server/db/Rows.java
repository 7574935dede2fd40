package dev.latchkey.server.db;

import java.time.Instant;
import java.util.Locale;

import io.helidon.dbclient.DbRow;

/**
 * Small readers for the column types the schema uses. Derby reports unquoted names in upper case and
 * DbClient matches names exactly, so callers name columns as they are written in SQL.
 */
public final class Rows {
    private Rows() {
    }

    private static Object value(DbRow row, String column) {
        return row.column(column.toUpperCase(Locale.ROOT)).get(Object.class);
    }

    public static long longOf(DbRow row, String column) {
        return ((Number) value(row, column)).longValue();
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
