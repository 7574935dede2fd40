package dev.latchkey.server.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.latchkey.server.audit.AuditLog;
import dev.latchkey.server.config.ConfigLoader;
import dev.latchkey.server.db.Database;
import dev.latchkey.server.db.Rows;

/** The sender writes a batch's letters in one transaction, and falls back to one per job when that fails. */
class MailSenderTest {
    @TempDir
    Path dir;

    @Test
    void sendDueWhenOneLetterCannotBeWrittenThenTheOthersAreStillSent() {
        Clock clock = Clock.systemUTC();
        try (Database db = Database.open(ConfigLoader.load(Optional.empty(), Map.of("auth.data-dir", dir.toString()))
                .get("db"))) {
            MailJobs jobs = new MailJobs(db.dialect(), clock, Duration.ofSeconds(10), Duration.ofMinutes(15), 12);
            for (String to : List.of("first@example.com", "broken@example.com", "last@example.com")) {
                db.execute().insert("INSERT INTO mail_job (kind, recipient, created_at, status, attempts,"
                        + " next_attempt_at) VALUES ('INVITATION', ?, 0, 'QUEUED', 0, 0)", to);
            }
            LetterWriter writer = (tx, job) -> {
                if (job.recipient().startsWith("broken")) {
                    throw new IllegalStateException("cannot write this one");
                }
                return Optional.of(new Letter(job.recipient(), "Hello", "text", "<p>html</p>", null));
            };
            MailSender sender = new MailSender(db, jobs, writer, new FileTransport(dir.resolve("outbox"), clock),
                    new AuditLog(clock), "Latchkey <no-reply@localhost>", Duration.ofSeconds(1), Duration.ofMinutes(5));

            assertThat(sender.sendDue()).isEqualTo(3);

            assertThat(status(db, "first@example.com")).isEqualTo("SENT");
            assertThat(status(db, "last@example.com")).isEqualTo("SENT");
            assertThat(status(db, "broken@example.com")).isEqualTo("QUEUED");
            assertThat(db.execute().get("SELECT last_error FROM mail_job WHERE recipient = 'broken@example.com'")
                    .map(row -> Rows.stringOf(row, "last_error"))).contains("could not prepare the message"
                    + " (IllegalStateException)");
        }
    }

    private static String status(Database db, String recipient) {
        return db.execute().get("SELECT status FROM mail_job WHERE recipient = ?", recipient)
                .map(row -> Rows.stringOf(row, "status")).orElseThrow();
    }
}
