package dev.latchkey.server.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.latchkey.server.CommandLine;
import dev.latchkey.server.config.ConfigLoader;
import dev.latchkey.server.db.Database;
import dev.latchkey.server.db.Insert;

/** {@code db cleanup}: deletes what is past its retention once and prints how many rows of each kind. */
class CleanupCommandTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    private Run run(Clock clock, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new CleanupCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), clock).run(CommandLine.parse(args));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void cleanupWhenRowsPastRetentionThenPrintsEachKindsCount() throws Exception {
        Path config = dir.resolve("latchkey.yaml");
        Files.writeString(config, "auth:\n  data-dir: \"" + dir.resolve("data") + "\"\n");
        Instant now = Instant.parse("2026-06-01T12:00:00Z");
        try (Database db = Database.open(ConfigLoader.load(Optional.of(config), Map.of()).get("db"))) {
            for (long occurred : new long[] {now.minus(Duration.ofDays(401)).toEpochMilli(),
                    now.minus(Duration.ofDays(402)).toEpochMilli(), now.minus(Duration.ofDays(3)).toEpochMilli()}) {
                Insert.into(db.execute(), "audit_event", "occurred_at", occurred, "event_type", "RESET_REQUESTED");
            }
            Insert.into(db.execute(), "mail_job", "kind", "RESET", "recipient", "someone@example.com",
                    "created_at", now.minus(Duration.ofDays(31)).toEpochMilli(), "status", "DISCARDED",
                    "attempts", 0, "next_attempt_at", 0L);
        }

        Run cleanup = run(Clock.fixed(now, ZoneOffset.UTC), "db", "cleanup", "--config", config.toString());

        assertThat(cleanup.exit()).as(cleanup.err()).isZero();
        assertThat(cleanup.out()).containsPattern("(?m)^  audit +2$").containsPattern("(?m)^  mail_sent +1$")
                .containsPattern("(?m)^  reset_tokens +0$").containsPattern("(?m)^  case_notes +0$");
        assertThat(run(Clock.fixed(now, ZoneOffset.UTC), "db", "cleanup", "--config", config.toString()).out())
                .containsPattern("(?m)^  audit +0$");
    }

    @Test
    void cleanupWithOtherWordsThenUsage() {
        Run wrong = run(Clock.systemUTC(), "db", "cleanup", "now");
        assertThat(wrong.exit()).isEqualTo(2);
        assertThat(wrong.err()).contains("db cleanup");
    }
}
