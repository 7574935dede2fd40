package dev.latchkey.server.retention;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import io.helidon.dbclient.DbRow;
import io.helidon.dbclient.DbTransaction;

/**
 * Deletes the rows of one table that {@code condition} says are past their retention, one batch per
 * call. A batch reads at most {@code batch} keys, then deletes those rows again under the condition, so
 * that a row changed in between (a lock renewed, a case reopened) stays. {@code dependent}, when
 * present, is run first on the same keys for the rows that refer to these ones.
 */
record Sweep(Retention.Kind kind, String table, String key, String condition, List<Object> params,
             Optional<Dependent> dependent) {

    /**
     * Rows of another table that refer to the swept ones: {@code statement} has a {@code %s} where the
     * batch's keys go (an IN list), then takes the sweep's parameters again to check, per row, that the
     * row it refers to is still past its time; {@code kind} counts what it deleted, or is empty when it
     * only updates (unlinks) them.
     */
    record Dependent(String statement, Optional<Retention.Kind> kind) {
    }

    /** What one batch did: keys read, rows deleted, dependent rows deleted. */
    record Batch(int read, long deleted, long dependents) {
    }

    Batch run(DbTransaction tx, int batch) {
        List<Object> keys;
        try (Stream<DbRow> rows = tx.query("SELECT " + key + " FROM " + table + " WHERE " + condition
                + " FETCH FIRST " + batch + " ROWS ONLY", params.toArray())) {
            keys = rows.map(row -> row.column(1).get()).toList();
        }
        if (keys.isEmpty()) {
            return new Batch(0, 0, 0);
        }
        String placeholders = String.join(", ", Collections.nCopies(keys.size(), "?"));
        List<Object> all = new ArrayList<>(keys);
        all.addAll(params);
        long dependents = 0;
        if (dependent.isPresent()) {
            long changed = tx.update(dependent.get().statement().formatted(placeholders), all.toArray());
            dependents = dependent.get().kind().isPresent() ? changed : 0;
        }
        long deleted = tx.delete("DELETE FROM " + table + " WHERE " + key + " IN (" + placeholders + ") AND "
                + condition, all.toArray());
        return new Batch(keys.size(), deleted, dependents);
    }
}
