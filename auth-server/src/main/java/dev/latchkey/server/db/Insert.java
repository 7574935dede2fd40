package dev.latchkey.server.db;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

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
        List<String> columns = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            if (columnsAndValues[i + 1] != null) {
                columns.add((String) columnsAndValues[i]);
                values.add(columnsAndValues[i + 1]);
            }
        }
        String placeholders = String.join(", ", Collections.nCopies(columns.size(), "?"));
        db.insert("INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES (" + placeholders + ")",
                values.toArray());
    }
}
