package dev.latchkey.desktop.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.latchkey.desktop.AppOptions;
import dev.latchkey.server.support.TestCertificate;
import dev.latchkey.server.support.TestServer;

/** {@code --server https://...}: the certificate is checked, against a private authority with {@code --ca-cert}. */
class ServerTrustTest {
    private final TestCertificate certificate = TestCertificate.shared();

    @TempDir
    Path dir;


    @Test
    void clientWhenCaCertGivenThenTalksToTheServerOverHttps() throws Exception {
        try (TestServer server = TestServer.start(dir, certificate.serverSettings())) {
            String url = server.server().baseUri().toString();
            AppOptions options = AppOptions.parse("--server", url, "--ca-cert", certificate.pem().toString());
            AuthClient client = new AuthClient(options.server().orElseThrow(), options.serverTrust());

            assertThat(client.passwordPolicy().minLength()).isPositive();
            assertThat(client.requestReset("someone@example.com")).isNotBlank();
        }
    }

    @Test
    void clientWhenCertificateNotTrustedThenRefusesInPlainWords() {
        try (TestServer server = TestServer.start(dir, certificate.serverSettings())) {
            AuthClient client = new AuthClient(server.server().baseUri(), Optional.empty());

            assertThatThrownBy(client::passwordPolicy).isInstanceOfSatisfying(ApiError.class,
                    e -> assertThat(e.kind()).isEqualTo(ApiError.Kind.UNTRUSTED_SERVER));
        }
    }

    @Test
    void caCertWhenMisusedThenRefusedAtStart() throws Exception {
        Path garbage = Files.writeString(dir.resolve("garbage.pem"), "not a certificate");
        String pem = certificate.pem().toString();

        assertThatThrownBy(() -> AppOptions.parse("--ca-cert", pem)).hasMessageContaining("--server https://");
        assertThatThrownBy(() -> AppOptions.parse("--server", "http://10.0.0.1:8080", "--ca-cert", pem))
                .hasMessageContaining("--server https://");
        assertThatThrownBy(() -> AppOptions.parse("--server", "https://auth.example.org", "--ca-cert",
                dir.resolve("missing.pem").toString())).hasMessageContaining("cannot read");
        assertThatThrownBy(() -> AppOptions.parse("--server", "https://auth.example.org", "--ca-cert",
                garbage.toString())).hasMessageContaining("holds no certificate");
    }
}
