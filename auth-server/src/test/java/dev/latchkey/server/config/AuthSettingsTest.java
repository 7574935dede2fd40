package dev.latchkey.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.latchkey.api.Role;

class AuthSettingsTest {
    @TempDir
    Path dir;

    @Test
    void defaultsFollowTheContract() {
        AuthSettings settings = AuthSettings.from(ConfigLoader.load(Optional.empty(), Map.of()));
        assertThat(settings.dataDir()).isEqualTo(Path.of(System.getProperty("user.home"), ".latchkey"));
        assertThat(settings.resetTokenTtl()).isEqualTo(Duration.ofMinutes(30));
        assertThat(settings.inviteTokenTtl()).isEqualTo(Duration.ofHours(48));
        assertThat(settings.sessionTtl()).isEqualTo(Duration.ofHours(12));
        assertThat(settings.sessionIdleTimeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(settings.passwordMinLength()).isEqualTo(15);
        assertThat(settings.passwordMinScore()).isEqualTo(3);
        assertThat(settings.rateLimitsEnabled()).isTrue();
        assertThat(settings.trustedProxies()).isEmpty();
        assertThat(settings.mfa().requiredRoles()).containsExactlyInAnyOrder(Role.HELPDESK, Role.ADMIN);
        assertThat(settings.mfa().issuer()).isEqualTo("Latchkey");
        assertThat(settings.mfa().maxFailures()).isEqualTo(5);
        assertThat(settings.mfa().key()).isEmpty();
        assertThat(AuthSettings.from(ConfigLoader.load(Optional.empty(), Map.of("auth.mfa.required-roles", "")))
                .mfa().requiredRoles()).as("an empty list: nobody").isEmpty();
        assertThat(settings.publicUrl()).isEmpty();
        assertThat(settings.mail().transport()).isEqualTo("file");
        assertThat(settings.mail().outboxDir()).isEqualTo(settings.dataDir().resolve("outbox"));
        assertThat(settings.mail().from()).isEqualTo("Latchkey <no-reply@localhost>");
        assertThat(settings.mail().smtp().port()).isEqualTo(25);
        assertThat(settings.mail().smtp().starttls()).isFalse();
        assertThat(settings.mail().smtp().ssl()).isFalse();
    }

    @Test
    void smtpLoginWhenNeitherStarttlsNorSslToAnotherHostThenRefusedAtStart() {
        assertThatThrownBy(() -> mail("mail.example.org"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("auth.mail.smtp.starttls").hasMessageContaining("auth.mail.smtp.ssl")
                .hasMessageContaining("mail.example.org").hasMessageNotContaining("mail-secret");
        assertThat(mail("mail.example.org", "auth.mail.smtp.starttls", "true").smtp().starttls()).isTrue();
        assertThat(mail("mail.example.org", "auth.mail.smtp.ssl", "true").smtp().ssl()).isTrue();
        // Traffic to this machine stays on it; and the file transport sends nothing over SMTP at all.
        for (String loopback : new String[] {"127.0.0.1", "localhost", "::1", "127.0.0.2"}) {
            assertThat(mail(loopback).smtp().host()).contains(loopback);
        }
        assertThat(mail("mail.example.org", "auth.mail.transport", "file").transport()).isEqualTo("file");
    }

    /** The mail settings of an SMTP transport to {@code host} with a login, plus {@code extra}. */
    private static MailSettings mail(String host, String... extra) {
        Map<String, String> settings = new HashMap<>(Map.of("auth.mail.transport", "smtp",
                "auth.mail.smtp.host", host, "auth.mail.smtp.username", "latchkey",
                "auth.mail.smtp.password", "mail-secret"));
        for (int i = 0; i < extra.length; i += 2) {
            settings.put(extra[i], extra[i + 1]);
        }
        return AuthSettings.from(ConfigLoader.load(Optional.empty(), settings)).mail();
    }

    @Test
    void sessionIdleTimeoutWhenNotPositiveThenRefusedAtStart() {
        for (String value : new String[] {"PT0S", "-PT1M"}) {
            assertThatThrownBy(() -> AuthSettings.from(ConfigLoader.load(Optional.empty(),
                    Map.of("auth.session.idle-timeout", value)))).as(value)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("auth.session.idle-timeout");
        }
        assertThat(AuthSettings.from(ConfigLoader.load(Optional.empty(), Map.of("auth.session.idle-timeout", "PT2H")))
                .sessionIdleTimeout()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void reportSettingsWhenOutOfRangeThenRefusedAtStart() {
        Map<String, String> bad = Map.of("auth.report.token-ttl", "PT0S", "auth.signals.addresses-per-ip", "1",
                "auth.signals.window", "-PT1M", "auth.signals.rejected-tokens-per-ip", "0");
        bad.forEach((key, value) -> assertThatThrownBy(() -> AuthSettings.from(ConfigLoader.load(Optional.empty(),
                Map.of(key, value)))).as(key).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(key.substring(0, key.lastIndexOf('.'))));
        AuthSettings taken = AuthSettings.from(ConfigLoader.load(Optional.empty(), Map.of("auth.report.token-ttl",
                "PT1M", "auth.support-contact", "  Call 555 0100  ", "auth.signals.addresses-per-ip", "3")));
        assertThat(taken.reportTokenTtl()).isEqualTo(Duration.ofMinutes(1));
        assertThat(taken.supportContact()).isEqualTo("Call 555 0100");
        assertThat(taken.signals().addressesPerIp()).isEqualTo(3);
    }

    @Test
    void mailLeaseWhenZeroOrNegativeThenRefusedAtStart() {
        for (String lease : new String[] {"PT0S", "-PT1M"}) {
            assertThatThrownBy(() -> AuthSettings.from(ConfigLoader.load(Optional.empty(),
                    Map.of("auth.mail.lease", lease))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("auth.mail.lease");
        }
        assertThat(AuthSettings.from(ConfigLoader.load(Optional.empty(), Map.of())).mail().lease())
                .isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void dataDirMovesDerivedDefaults() {
        var config = ConfigLoader.load(Optional.empty(), Map.of("auth.data-dir", dir.toString()));
        assertThat(config.get("db.connection.url").asString().get()).isEqualTo("jdbc:derby:" + dir.resolve("db") + ";create=true");
        assertThat(AuthSettings.from(config).mail().outboxDir()).isEqualTo(dir.resolve("outbox"));
    }

    @Test
    void trustedProxiesAcceptOneCommaSeparatedString() {
        var config = ConfigLoader.load(Optional.empty(), Map.of("auth.trusted-proxies", "10.0.0.1, ::1"));
        assertThat(AuthSettings.from(config).trustedProxies()).containsExactly("10.0.0.1", "::1");
    }

    @Test
    void dataDirWhenCreatedIsOwnerOnlyAndWhenExistingIsLeftAlone() throws Exception {
        Path fresh = dir.resolve("fresh/latchkey");
        DataDir.prepare(fresh);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)))
                .isEqualTo("rwx------");
        Path existing = Files.createDirectories(dir.resolve("existing"));
        String before = PosixFilePermissions.toString(Files.getPosixFilePermissions(existing));
        DataDir.prepare(existing);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(existing)))
                .isEqualTo(before);
    }

    @Test
    void configFileLayersOverDefaults() throws Exception {
        Path file = dir.resolve("latchkey.yaml");
        Files.writeString(file, "auth:\n  reset:\n    token-ttl: PT10M\n  trusted-proxies: [\"192.0.2.1\"]\n");
        AuthSettings settings = AuthSettings.from(ConfigLoader.load(Optional.of(file), Map.of()));
        assertThat(settings.resetTokenTtl()).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.trustedProxies()).containsExactly("192.0.2.1");
        assertThat(settings.sessionTtl()).isEqualTo(Duration.ofHours(12));
    }
}
