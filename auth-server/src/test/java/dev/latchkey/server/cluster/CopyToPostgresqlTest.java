package dev.latchkey.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.latchkey.api.Role;
import dev.latchkey.server.CommandLine;
import dev.latchkey.server.db.CopyCommand;
import dev.latchkey.server.support.Mail;
import dev.latchkey.server.support.TestDatabase;
import dev.latchkey.server.support.TestServer;

/** {@code db copy-to-postgresql}: a Derby data folder moves into PostgreSQL and the server carries on there. */
class CopyToPostgresqlTest {
    static final String PASSWORD = "velvet tractor orbits quietly";
    static final String NEW = "marble canyon whistles softly";

    @TempDir
    Path derbyDir;
    @TempDir
    Path pgDir;

    record Outcome(int exit, String out, String err) {
    }

    private Outcome copy(TestDatabase target, Path config) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String password = target.settings().get("db.connection.password") + "\n";
        int exit = new CopyCommand(new ByteArrayInputStream(password.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Clock.systemUTC())
                .run(CommandLine.parse(new String[] {"db", "copy-to-postgresql", "--to", target.url(),
                        "--to-user", target.settings().get("db.connection.username"), "--config", config.toString()}));
        return new Outcome(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void copyWhenTargetEmptyThenAccountsHistoryAndPendingMailCarryOver() throws Exception {
        Map<String, String> derby = Map.of("db.connection.url", "jdbc:derby:" + derbyDir.resolve("db") + ";create=true");
        String user;
        String staleToken;
        String staleReport;
        try (TestServer old = TestServer.start(derbyDir, derby)) {
            old.addUser("admin@example.com", PASSWORD, Role.ADMIN);
            user = old.newUser("moving", PASSWORD);
            String token = old.requestToken(user);
            String report = TestServer.reportTokenIn(Mail.text(old.messagesTo(user).getLast()));
            assertThat(old.post("/api/v1/password-resets/complete",
                    "{\"token\":\"" + token + "\",\"newPassword\":\"" + NEW + "\"}").status()).isEqualTo(200);
            assertThat(old.post("/api/v1/reports", "{\"token\":\"" + report + "\"}").status())
                    .as("a case to carry over").isEqualTo(200);
            old.signIn(user, NEW);
            staleToken = old.requestToken(user);
            staleReport = TestServer.reportTokenIn(Mail.text(old.messagesTo(user).getLast()));
            old.server().mailSender().close();
            old.addUser("pending@example.com", null, Role.USER);
            old.db().execute().insert("INSERT INTO mail_job (kind, recipient, created_at, status, attempts,"
                    + " next_attempt_at) VALUES ('INVITATION', 'pending@example.com', ?, 'QUEUED', 0, ?)",
                    old.clock.millis(), old.clock.millis());
        }
        Path config = derbyDir.resolve("latchkey.yaml");
        Files.writeString(config, "auth:\n  data-dir: \"" + derbyDir + "\"\n");

        try (TestDatabase target = TestDatabase.createPostgresql()) {
            Outcome outcome = copy(target, config);
            assertThat(outcome.exit()).as(outcome.err()).isZero();
            assertThat(outcome.out()).contains("Copied 3 users").contains("1 help-desk cases and 3 \"Not you?\" links")
                    .contains("Not copied: 1 unused reset links and 1 sessions");

            try (TestServer moved = TestServer.start(pgDir, target.settings())) {
                String admin = moved.signIn("admin@example.com", PASSWORD);
                assertThat(moved.signIn(user, NEW)).isNotBlank();
                assertThat(moved.get("/api/v1/helpdesk/audit?limit=200", admin).body())
                        .as("the audit trail came along").contains("RESET_COMPLETED").contains(user);
                assertThat(moved.get("/api/v1/helpdesk/cases", admin).json().get("cases").findValuesAsText("userEmail"))
                        .as("and the help desk's cases").containsExactly(user);
                assertThat(moved.post("/api/v1/password-resets/complete",
                        "{\"token\":\"" + staleToken + "\",\"newPassword\":\"" + NEW + " again\"}").status())
                        .as("reset links of the old server are not copied").isEqualTo(400);
                assertThat(moved.post("/api/v1/reports/verify", "{\"token\":\"" + staleReport + "\"}").status())
                        .as("its Not-you links are").isEqualTo(200);
                assertThat(moved.messagesTo("pending@example.com")).as("the pending invitation is sent").hasSize(1);
                assertThat(moved.newUser("after", PASSWORD)).as("new rows get new ids").isNotBlank();
            }

            Outcome again = copy(target, config);
            assertThat(again.exit()).isEqualTo(1);
            assertThat(again.err()).contains("not empty");
        }
    }

    @Test
    void copyWhenNoDerbyDatabaseThereThenRefusedAndNoneCreated() throws Exception {
        Path config = derbyDir.resolve("latchkey.yaml");
        Files.writeString(config, "auth:\n  data-dir: \"" + derbyDir + "\"\n");
        try (TestDatabase target = TestDatabase.createPostgresql()) {
            Outcome outcome = copy(target, config);
            assertThat(outcome.exit()).isEqualTo(1);
            assertThat(outcome.err()).contains("No Derby database at");
            assertThat(derbyDir.resolve("db")).doesNotExist();
        }
    }
}
