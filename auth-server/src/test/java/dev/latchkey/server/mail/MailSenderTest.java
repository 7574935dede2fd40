package dev.latchkey.server.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.latchkey.server.audit.AuditLog;
import dev.latchkey.server.config.ConfigLoader;
import dev.latchkey.server.db.Database;
import dev.latchkey.server.db.Rows;
import dev.latchkey.server.support.MutableClock;

/**
 * The sender writes a batch's letters in one transaction, and falls back to one per job when that fails;
 * it delivers only while its claim holds for a whole delivery.
 */
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

    @Test
    void sendDueWhenTheClaimHoldsForTheLongestDeliveryThenItIsNotRenewedElseItIs() {
        MutableClock clock = MutableClock.startingNow();
        List<Duration> heldAtDelivery = new ArrayList<>();
        try (Database db = openWithJobs(clock, 5)) {
            // Each delivery takes 10 s: the batch outlives what its claim had to spare for a delivery.
            MailSender sender = sender(db, clock, Duration.ofMinutes(5), (self, jobId) -> {
                heldAtDelivery.add(Duration.ofMillis(claimedUntil(db, jobId) - clock.millis()));
                clock.advance(Duration.ofSeconds(10));
            });

            assertThat(sender.sendDue()).isEqualTo(5);

            // Four on the claim the batch was taken with; with 260 s left, the fifth renews to 300.
            assertThat(heldAtDelivery).containsExactly(Duration.ofSeconds(300), Duration.ofSeconds(290),
                    Duration.ofSeconds(280), Duration.ofSeconds(270), Duration.ofSeconds(300));
            assertThat(heldAtDelivery).allSatisfy(held -> assertThat(held)
                    .isGreaterThanOrEqualTo(MailSender.LONGEST_DELIVERY));
            assertThat(statuses(db)).containsOnly("SENT");
        }
    }

    @Test
    void sendDueWhenTheSenderIsClosedDuringTheBatchThenItDeliversNoMore() {
        MutableClock clock = MutableClock.startingNow();
        try (Database db = openWithJobs(clock, 2)) {
            MailSender sender = sender(db, clock, Duration.ofMinutes(5), (self, jobId) -> self.close());

            sender.sendDue();

            // The second job's claim was released: another sender may hold it by now.
            assertThat(statuses(db)).containsExactly("SENT", "QUEUED");
            assertThat(db.execute().get("SELECT COUNT(*) AS n FROM mail_job WHERE claimed_by IS NOT NULL")
                    .map(row -> Rows.intOf(row, "n"))).contains(0);
        }
    }

    @Test
    void sendDueWhenTheClaimRanOutDuringTheBatchThenTheRestIsLeftForAnotherSender() {
        MutableClock clock = MutableClock.startingNow();
        try (Database db = openWithJobs(clock, 2)) {
            // The first delivery outlasts the whole lease (a process stopped for that long, say).
            MailSender sender = sender(db, clock, Duration.ofMinutes(5),
                    (self, jobId) -> clock.advance(Duration.ofMinutes(6)));

            sender.sendDue();

            assertThat(statuses(db)).containsExactly("SENT", "QUEUED");
        }
    }

    @Test
    void startWhenDerbyHoldsAClaimOfAnEarlierRunThenItIsFreedAndTheJobSentWithoutWaitingForTheLease()
            throws InterruptedException {
        MutableClock clock = MutableClock.startingNow();
        try (Database db = openWithJobs(clock, 1)) {
            // Left by a run that ended without releasing it, and good for five more minutes.
            db.execute().update("UPDATE mail_job SET claimed_by = 'pid 1 dead', claimed_until = ?",
                    clock.millis() + Duration.ofMinutes(5).toMillis());
            MailSender sender = sender(db, clock, Duration.ofMinutes(5), (self, jobId) -> { });

            sender.start();
            try {
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (!statuses(db).equals(List.of("SENT")) && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
            } finally {
                sender.close();
            }

            assertThat(statuses(db)).containsExactly("SENT");
        }
    }

    private Database openWithJobs(Clock clock, int count) {
        Database db = Database.open(ConfigLoader.load(Optional.empty(), Map.of("auth.data-dir", dir.toString()))
                .get("db"));
        for (int i = 0; i < count; i++) {
            db.execute().insert("INSERT INTO mail_job (kind, recipient, created_at, status, attempts, next_attempt_at)"
                    + " VALUES ('INVITATION', ?, ?, 'QUEUED', 0, ?)", "user" + i + "@example.com", clock.millis(),
                    clock.millis());
        }
        return db;
    }

    /** Tells a test each job a sender delivers, and the sender. */
    private interface Delivered {
        void job(MailSender sender, long jobId);
    }

    /** A sender whose letters are plain and whose transport only tells {@code delivered} each job it delivers. */
    private static MailSender sender(Database db, Clock clock, Duration lease, Delivered delivered) {
        MailJobs jobs = new MailJobs(db.dialect(), clock, Duration.ofSeconds(10), Duration.ofMinutes(15), 12);
        LetterWriter writer = (tx, job) -> Optional.of(new Letter(job.recipient(), "Hello", "text", "<p>html</p>",
                null));
        AtomicReference<MailSender> sender = new AtomicReference<>();
        MailTransport transport = new MailTransport() {
            private final Session session = Session.getInstance(new Properties());

            @Override
            public Session session() {
                return session;
            }

            @Override
            public void deliver(MimeMessage message, long jobId) {
                delivered.job(sender.get(), jobId);
            }
        };
        sender.set(new MailSender(db, jobs, writer, transport, new AuditLog(clock), "Latchkey <no-reply@localhost>",
                Duration.ofSeconds(1), lease));
        return sender.get();
    }

    private static List<String> statuses(Database db) {
        return db.execute().query("SELECT status FROM mail_job ORDER BY id").map(row -> Rows.stringOf(row, "status"))
                .toList();
    }

    private static long claimedUntil(Database db, long jobId) {
        return db.execute().get("SELECT claimed_until FROM mail_job WHERE id = ?", jobId)
                .map(row -> Rows.longOf(row, "claimed_until")).orElseThrow();
    }

    private static String status(Database db, String recipient) {
        return db.execute().get("SELECT status FROM mail_job WHERE recipient = ?", recipient)
                .map(row -> Rows.stringOf(row, "status")).orElseThrow();
    }
}
