package dev.latchkey.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.latchkey.api.Role;
import dev.latchkey.server.db.Rows;
import dev.latchkey.server.support.ServerProcess;
import dev.latchkey.server.support.TestDatabase;
import dev.latchkey.server.support.TestServer;

/**
 * An instance that dies holding claimed mail jobs ({@code kill -9}) does not lose them: another
 * instance delivers them once the claim's lease has run out, and not before.
 */
class MailLeaseTest {
    static final Duration LEASE = Duration.ofSeconds(5);

    @TempDir
    Path dirA;
    @TempDir
    Path dirB;

    @Test
    void senderWhenKilledHoldingJobsThenOtherInstanceDeliversThemAfterTheLease() throws Exception {
        try (TestDatabase database = TestDatabase.createPostgresql();
             ServerSocket silentSmtp = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> held = new CopyOnWriteArrayList<>();
            // An SMTP server that accepts and never answers: A's delivery hangs with the jobs claimed.
            Thread.ofPlatform().daemon().start(() -> {
                try {
                    while (true) {
                        held.add(silentSmtp.accept());
                    }
                } catch (IOException closed) {
                    // The test is over.
                }
            });
            Map<String, String> settingsA = new HashMap<>(database.settings());
            settingsA.putAll(Map.of("server.port", "0", "auth.data-dir", dirA.toString(),
                    "auth.mail.transport", "smtp", "auth.mail.smtp.host", "127.0.0.1",
                    "auth.mail.smtp.port", Integer.toString(silentSmtp.getLocalPort()),
                    "auth.mail.poll-interval", "PT0.1S", "auth.mail.lease", LEASE.toString()));
            try (ServerProcess a = ServerProcess.start(settingsA);
                 TestServer b = TestServer.start(dirB, database.settings())) {
                b.server().mailSender().close(); // B's sender waits until A holds the jobs
                for (int i = 0; i < 3; i++) {
                    b.addUser("held" + i + "@example.com", null, Role.USER);
                }
                b.db().inTransaction(tx -> {
                    for (int i = 0; i < 3; i++) {
                        tx.insert("INSERT INTO mail_job (kind, recipient, created_at, status, attempts, next_attempt_at)"
                                + " VALUES ('PASSWORD_RESET', ?, ?, 'QUEUED', 0, ?)", "held" + i + "@example.com",
                                b.clock.millis(), b.clock.millis());
                    }
                    return null;
                });
                // A holds the jobs and is stuck delivering the first.
                TwoInstancesTest.waitFor(() -> claimed(b) == 3 && !held.isEmpty(), Duration.ofSeconds(30));

                a.kill();
                b.server().mailSender().start();
                Thread.sleep(1500);
                assertThat(b.outbox()).as("nothing sent while A's claim holds").isEmpty();
                assertThat(claimed(b)).isEqualTo(3);

                long claimedUntil = b.db().execute().get("SELECT MAX(claimed_until) AS t FROM mail_job")
                        .map(row -> Rows.longOf(row, "t")).orElseThrow();
                b.clock.advance(Duration.ofMillis(claimedUntil - b.clock.millis() + 1));
                TwoInstancesTest.waitFor(() -> b.outbox().size() == 3, Duration.ofSeconds(30));
                String token = b.latestTokenFor("held0@example.com");
                assertThat(b.post("/api/v1/password-resets/complete",
                        "{\"token\":\"" + token + "\",\"newPassword\":\"marble canyon whistles softly\"}").status())
                        .isEqualTo(200);
            } finally {
                for (Socket socket : held) {
                    socket.close();
                }
            }
        }
    }

    private static int claimed(TestServer server) {
        return server.db().execute().get("SELECT COUNT(*) AS n FROM mail_job WHERE claimed_by IS NOT NULL")
                .map(row -> Rows.intOf(row, "n")).orElse(0);
    }
}
