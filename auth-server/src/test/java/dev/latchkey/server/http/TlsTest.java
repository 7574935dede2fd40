package dev.latchkey.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.latchkey.server.support.Mail;
import dev.latchkey.server.support.TestCertificate;
import dev.latchkey.server.support.TestServer;

/**
 * {@code server.tls}: a whole reset over HTTPS with a certificate made for the test, and HSTS; and what
 * testssl.sh grades, through real clients: TLS 1.3 and 1.2 with AEAD suites only, in the server's order,
 * and no client-initiated renegotiation.
 */
class TlsTest {
    private static final String PASSWORD = "velvet tractor orbits quietly";
    private static final String NEW_PASSWORD = "copper lantern drifts at noon";

    private final TestCertificate certificate = TestCertificate.shared();

    @TempDir
    Path dir;


    @Test
    void resetWhenServedOverTlsThenCompletesOverHttpsWithHttpsLinksAndHsts() throws Exception {
        try (TestServer server = TestServer.start(dir, certificate.serverSettings())) {
            URI base = server.server().baseUri();
            assertThat(base.getScheme()).isEqualTo("https");
            String email = server.newUser("tls", PASSWORD);
            HttpClient https = HttpClient.newBuilder().sslContext(certificate.trustingIt())
                    .connectTimeout(Duration.ofSeconds(10)).build();

            HttpResponse<String> requested = post(https, base, "/api/v1/password-resets",
                    "{\"email\":\"" + email + "\"}");
            assertThat(requested.statusCode()).isEqualTo(202);
            assertThat(requested.headers().firstValue("Strict-Transport-Security")).contains("max-age=31536000");

            server.flushMail();
            String text = Mail.text(server.messagesTo(email).get(0));
            assertThat(text).contains(base + "/reset#token=");
            String token = TestServer.tokenIn(text);
            HttpResponse<String> completed = post(https, base, "/api/v1/password-resets/complete",
                    "{\"token\":\"" + token + "\",\"newPassword\":\"" + NEW_PASSWORD + "\"}");
            assertThat(completed.statusCode()).isEqualTo(200);
            HttpResponse<String> signedIn = post(https, base, "/api/v1/sessions",
                    "{\"email\":\"" + email + "\",\"password\":\"" + NEW_PASSWORD + "\"}");
            assertThat(signedIn.statusCode()).isEqualTo(201);

            // Errors carry it too: the error handler rebuilds a response's headers.
            HttpResponse<String> refused = post(https, base, "/api/v1/password-resets/complete", "{");
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.headers().firstValue("Strict-Transport-Security")).isPresent();
        }
    }

    @Test
    void clientWhenItDoesNotTrustTheCertificateThenTheHandshakeFails() {
        try (TestServer server = TestServer.start(dir, certificate.serverSettings())) {
            HttpClient defaults = HttpClient.newHttpClient();

            assertThatThrownBy(() -> post(defaults, server.server().baseUri(), "/api/v1/password-resets",
                    "{\"email\":\"someone@example.com\"}")).isInstanceOf(SSLHandshakeException.class);
        }
    }

    @Test
    void plainHttpWhenNoTlsThenNoHsts() {
        try (TestServer server = TestServer.start(dir)) {
            assertThat(server.server().baseUri().getScheme()).isEqualTo("http");
            assertThat(server.post("/api/v1/password-resets", "{\"email\":\"someone@example.com\"}")
                    .header("Strict-Transport-Security")).isNull();
        }
    }

    @Test
    void handshakeWhenTls12WithAeadThenTheServersOrderAndTls13Too() throws Exception {
        try (TestServer server = TestServer.start(dir, certificate.serverSettings())) {
            // The client prefers a CBC suite, then two AEAD ones: the server picks its own first choice.
            try (SSLSocket socket = connect(server, "TLSv1.2", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256",
                    "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256")) {
                socket.startHandshake();
                assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.2");
                assertThat(socket.getSession().getCipherSuite()).isEqualTo("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");
            }
            try (SSLSocket socket = connect(server, "TLSv1.3")) {
                socket.startHandshake();
                assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.3");
            }
        }
    }

    @Test
    void handshakeWhenClientOffersOnlyCbcSuitesThenFails() {
        try (TestServer server = TestServer.start(dir, certificate.serverSettings())) {
            assertThatThrownBy(() -> {
                try (SSLSocket socket = connect(server, "TLSv1.2", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256",
                        "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA",
                        "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA")) {
                    socket.startHandshake();
                }
            }).isInstanceOf(SSLHandshakeException.class);
        }
    }

    /**
     * The JDK's client will not offer TLS 1.1 (nor lift that in this JVM without lifting it for the server
     * too), so this client writes its hello itself: a TLS 1.1 ClientHello with CBC suites, answered by an
     * alert record, not a ServerHello.
     */
    @Test
    void handshakeWhenClientSpeaksOnlyTls11ThenAnAlert() throws IOException {
        try (TestServer server = TestServer.start(dir, certificate.serverSettings());
             Socket socket = new Socket("127.0.0.1", server.server().port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(tls11ClientHello());
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            int contentType = in.readUnsignedByte();
            assertThat(contentType).as("record type: 21 is an alert, 22 a ServerHello").isEqualTo(21);
        }
    }

    @Test
    void renegotiationWhenTheClientAsksThenRefused() throws Exception {
        try (TestServer server = TestServer.start(dir, certificate.serverSettings());
             SSLSocket socket = connect(server, "TLSv1.2")) {
            socket.startHandshake();
            assertThat(get(socket)).startsWith("HTTP/1.1 200");

            assertThatThrownBy(() -> {
                socket.startHandshake();
                get(socket);
            }).isInstanceOf(SSLException.class);
        }
    }

    /** A client socket to {@code server} trusting the test certificate, with only these protocol and suites. */
    private SSLSocket connect(TestServer server, String protocol, String... suites) throws IOException {
        SSLSocket socket = (SSLSocket) certificate.trustingIt().getSocketFactory()
                .createSocket("127.0.0.1", server.server().port());
        socket.setSoTimeout(10_000);
        socket.setEnabledProtocols(new String[] {protocol});
        if (suites.length > 0) {
            socket.setEnabledCipherSuites(suites);
        }
        return socket;
    }

    /** A health request on {@code socket}'s connection, kept open, read to its end; its head. */
    private static String get(SSLSocket socket) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write("GET /observe/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        DataInputStream in = new DataInputStream(socket.getInputStream());
        StringBuilder head = new StringBuilder();
        while (head.indexOf("\r\n\r\n") < 0) {
            head.append((char) in.readUnsignedByte());
        }
        Matcher length = Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
        in.readFully(new byte[length.find() ? Integer.parseInt(length.group(1)) : 0]);
        return head.toString();
    }

    /** A ClientHello for TLS 1.1 (no supported_versions extension) offering ECDHE CBC suites over P-256. */
    private static byte[] tls11ClientHello() {
        HexFormat hex = HexFormat.of();
        byte[] random = new byte[32];
        Arrays.fill(random, (byte) 7);
        byte[] body = concat(hex.parseHex("0302"), random, hex.parseHex("00"),
                hex.parseHex("0004" + "c009" + "c00a"), hex.parseHex("0100"),
                // extensions: supported_groups (secp256r1), ec_point_formats (uncompressed)
                hex.parseHex("000e" + "000a00040002" + "0017" + "000b00020100"));
        byte[] handshake = concat(new byte[] {1}, length(body.length, 3), body);
        return concat(hex.parseHex("160301"), length(handshake.length, 2), handshake);
    }

    private static byte[] length(int value, int bytes) {
        byte[] out = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            out[bytes - 1 - i] = (byte) (value >>> (8 * i));
        }
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        byte[] out = new byte[Arrays.stream(parts).mapToInt(part -> part.length).sum()];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }

    private static HttpResponse<String> post(HttpClient client, URI base, String path, String json)
            throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
