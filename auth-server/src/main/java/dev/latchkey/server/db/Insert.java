package dev.latchkey.server.db;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.helidon.dbclient.DbExecute;

/**
 * An INSERT that leaves out the columns whose value is null, so they take their NULL default.
 * DbClient binds a null parameter as JDBC type 0 ({@code Types.NULL}), which Derby refuses.
 */
public final class Insert {
    private Insert() {
    }

    /** {@code columnsAndValues} alternates names and values: {@code "email", email, "role", role}. */
    public static void into(DbExecute db, String table, Object... columnsAndValues) {
        if (columnsAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("Column names and values must come in pairs");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            values.put((String) columnsAndValues[i], columnsAndValues[i + 1]);
        }
        values(db, table, "", values);
    }

    /** Inserts the non-null {@code values}, {@code clause} (such as {@code OVERRIDING SYSTEM VALUE}) before them. */
    static void values(DbExecute db, String table, String clause, Map<String, Object> values) {
        List<String> columns = new ArrayList<>();
        List<Object> given = new ArrayList<>();
        values.forEach((column, value) -> {
            if (value != null) {
                columns.add(column);
                given.add(value);
            }
        });
        String placeholders = String.join(", ", Collections.nCopies(columns.size(), "?"));
        db.insert("INSERT INTO " + table + " (" + String.join(", ", columns) + ")" + clause + " VALUES (" + placeholders
                + ")", given.toArray());
    }
}
