package dev.latchkey.server.mfa;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.latchkey.api.Role;
import dev.latchkey.server.support.FileScan;
import dev.latchkey.server.support.LogCapture;
import dev.latchkey.server.support.TestServer;

import static org.assertj.core.api.Assertions.assertThat;

/** The second factor's secrets lie nowhere in clear: not in the database's files, not in any log line. */
class SecondFactorSecretsTest {
    private static final String EMAIL = "factor-secrets@example.com";
    private static final String PASSWORD = "velvet tractor orbits quietly";

    @TempDir
    Path dir;

    @Test
    void keyAndRecoveryCodesWhenUsedThenInNoDatabaseFileOrLogInClear() throws Exception {
        List<String> secrets = new ArrayList<>();
        byte[] key;
        String logs;
        // On Derby, whose files can be read back; the key file is the one place the sealing key is.
        try (TestServer server = TestServer.start(dir, Map.of("db.connection.url",
                "jdbc:derby:" + dir.resolve("db") + ";create=true")); LogCapture capture = new LogCapture()) {
            server.addUser(EMAIL, PASSWORD, Role.USER);
            TestServer.Enrolled factor = server.enrolSecondFactor(EMAIL, PASSWORD, "127.0.0.1");
            key = factor.key();
            secrets.add(Totp.base32(key));
            for (String code : factor.recoveryCodes()) {
                secrets.add(code);
                secrets.add(code.replace("-", ""));
            }
            server.clock.advance(Totp.STEP);
            String code = new Totp().codeAt(key, Totp.stepOf(server.clock.instant()));
            for (String secondFactor : List.of(code, factor.recoveryCodes().get(0), "000000")) {
                server.post("/api/v1/sessions", "{\"email\":\"" + EMAIL + "\",\"password\":\"" + PASSWORD
                        + "\",\"secondFactor\":\"" + secondFactor + "\"}");
            }
            server.flushMail();
            logs = capture.text();
            secrets.add(Files.readString(dir.resolve(SecretBox.KEY_FILE)).strip());
        }
        byte[] database = FileScan.allBytesUnder(dir.resolve("db"), dir.resolve("derby.log"));
        assertThat(FileScan.contains(database, EMAIL)).as("the scan can see stored text").isTrue();
        assertThat(FileScan.indexOf(database, key)).as("the raw key bytes").isEqualTo(-1);
        for (String secret : secrets) {
            assertThat(FileScan.contains(database, secret)).as("database files hold " + secret).isFalse();
            assertThat(FileScan.contains(database, secret.toLowerCase())).isFalse();
            assertThat(logs).doesNotContain(secret);
        }
        assertThat(logs.getBytes(StandardCharsets.UTF_8)).isNotEmpty();
    }
}
