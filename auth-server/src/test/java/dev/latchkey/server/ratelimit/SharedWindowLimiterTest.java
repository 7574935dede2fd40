package dev.latchkey.server.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import dev.latchkey.server.config.ConfigLoader;
import dev.latchkey.server.db.Database;
import dev.latchkey.server.support.TestDatabase;

/** The limiter contract on PostgreSQL (run by the postgresql execution only). */
class SharedWindowLimiterTest extends LimiterContract {
    private static TestDatabase postgresql;
    private static Database db;
    private static int limiters;

    @BeforeAll
    static void open() {
        postgresql = TestDatabase.createPostgresql();
        db = Database.open(ConfigLoader.load(Optional.empty(), postgresql.settings()).get("db"));
    }

    @AfterAll
    static void close() {
        db.close();
        postgresql.close();
    }

    @Override
    protected Limiter limiter(int limit, Duration window, Clock clock) {
        return new SharedWindowLimiter(db, "test-" + ++limiters, limit, window, clock, UnaryOperator.identity());
    }
}
