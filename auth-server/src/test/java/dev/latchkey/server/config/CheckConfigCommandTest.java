package dev.latchkey.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.latchkey.server.CommandLine;
import dev.latchkey.server.support.TestCertificate;

/** {@code serve --check-config}: a file the server would start on, and each kind it would refuse. */
class CheckConfigCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void checkWhenGoodFileWithTlsThenZeroAndSaysWhatItWouldServe() throws IOException {
        TestCertificate certificate = TestCertificate.shared();
        Path data = dir.resolve("data");
        Path file = write("""
                server:
                  host: 0.0.0.0
                  port: 8443
                  tls:
                    private-key:
                      keystore:
                        passphrase: "%s"
                        key:
                          alias: latchkey
                        resource:
                          path: "%s"
                auth:
                  data-dir: "%s"
                  public-url: https://auth.example.org
                  trusted-proxies: ["10.0.0.0/8"]
                  mail:
                    transport: smtp
                    smtp:
                      host: mail.example.org
                """.formatted(certificate.password(), certificate.keyStore(), data));

        assertThat(check(file)).isZero();
        assertThat(out()).contains("Configuration OK: " + file, "0.0.0.0:8443 with TLS", "derby", "mail: smtp");
        assertThat(err()).isEmpty();
        // A check writes nothing: no data folder, no database.
        assertThat(data).doesNotExist();
    }

    @Test
    void checkWhenValuesTheServerRefusesThenOneAndEachIsNamed() throws IOException {
        Path file = write("""
                server:
                  port: 70000
                auth:
                  reset:
                    token-ttl: banana
                  trusted-proxies: ["proxy.example.com"]
                  mail:
                    transport: pigeon
                db:
                  connection:
                    url: jdbc:mysql://db.example.org/latchkey
                """);

        assertThat(check(file)).isEqualTo(1);
        assertThat(err()).contains("would not start the server", "auth.reset.token-ttl", "server.port",
                "proxy.example.com", "pigeon", "jdbc:derby: or jdbc:postgresql:");
        assertThat(out()).isEmpty();
    }

    @Test
    void checkWhenSmtpLoginWithoutTlsToAnotherHostThenOneAndSaysSo() throws IOException {
        Path file = write("""
                auth:
                  mail:
                    transport: smtp
                    smtp:
                      host: mail.example.org
                      port: 587
                      username: latchkey
                      password: "smtp-secret"
                """);

        assertThat(check(file)).isEqualTo(1);
        assertThat(err()).contains("would not start the server", "auth.mail.smtp.starttls", "in clear")
                .doesNotContain("smtp-secret");
        assertThat(out()).isEmpty();
    }

    @Test
    void checkWhenKeyStorePassphraseWrongThenOne() throws IOException {
        TestCertificate certificate = TestCertificate.shared();
        Path file = write("""
                server:
                  tls:
                    private-key:
                      keystore:
                        passphrase: "not the passphrase"
                        resource:
                          path: "%s"
                """.formatted(certificate.keyStore()));

        assertThat(check(file)).isEqualTo(1);
        assertThat(err()).contains("would not start the server", "keystore password was incorrect")
                .doesNotContain("not the passphrase");
    }

    @Test
    void checkWhenFileIsNotYamlThenOneWithoutEchoingItsSecrets() throws IOException {
        Path file = write("""
                server:
                  tls:
                    private-key:
                      keystore:
                        passphrase: "hunter2-secret"
                   resource: [unclosed
                auth: {{{
                """);

        assertThat(check(file)).isEqualTo(1);
        assertThat(err()).isNotBlank().doesNotContain("hunter2-secret").doesNotContain("\tat ");
        assertThat(out()).isEmpty();
    }

    @Test
    void checkWhenMisspeltKeyThenWarnsAndStillZero() throws IOException {
        Path file = write("""
                auth:
                  rate-limt:
                    enabled: false
                  trusted-proxies: ["10.0.0.5"]
                """);

        assertThat(check(file)).isZero();
        assertThat(err()).contains("auth.rate-limt.enabled is not a setting Latchkey knows")
                .doesNotContain("trusted-proxies");
    }

    @Test
    void checkWhenFileMissingThenOne() {
        assertThat(check(dir.resolve("nowhere.yaml"))).isEqualTo(1);
        assertThat(err()).contains("Cannot read the configuration file");
    }

    @Test
    void commandLineWhenCheckConfigThenOnlyWithServe() {
        CommandLine serve = CommandLine.parse(new String[] {"serve", "--check-config", "--config", "a.yaml"});
        assertThat(serve.checkConfig()).isTrue();
        assertThat(serve.command()).isEmpty();
        assertThat(serve.configFile()).contains(Path.of("a.yaml"));
        assertThat(CommandLine.parse(new String[] {"serve"}).checkConfig()).isFalse();
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--check-config"}))
                .hasMessageContaining("goes with serve");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"users", "list", "--check-config"}))
                .hasMessageContaining("goes with serve");
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("latchkey.yaml"), yaml);
    }

    private int check(Path file) {
        return new CheckConfigCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(Optional.of(file));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
