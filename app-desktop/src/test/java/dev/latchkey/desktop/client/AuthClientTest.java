package dev.latchkey.desktop.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the client reads from a server that does not behave. */
class AuthClientTest {
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        // An answer that never ends (chunked), as a wrong or hostile server could send.
        server.createContext("/api/v1/password-policy", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = " ".repeat(64 * 1024).getBytes();
            try (OutputStream out = exchange.getResponseBody()) {
                out.write('[');
                while (true) {
                    out.write(chunk);
                }
            } catch (IOException stopped) {
                // The client gave up reading.
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void answerWhenLargerThanTheBoundThenAServerErrorSayingSoNotTheHeapFilled() {
        AuthClient client = new AuthClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
        assertTimeoutPreemptively(Duration.ofSeconds(15), () -> assertThatThrownBy(client::passwordPolicy)
                .isInstanceOfSatisfying(ApiError.class, error -> {
                    assertThat(error.kind()).isEqualTo(ApiError.Kind.SERVER_ERROR);
                    assertThat(error.getMessage()).contains("larger than " + AuthClient.MAX_BODY + " bytes");
                }));
    }

    @Test
    void plainHttpToAnotherMachineOnlyForHttpToANonLoopbackHost() {
        assertThat(AuthClient.plainHttpToAnotherMachine(URI.create("http://auth.example.org"))).isTrue();
        assertThat(AuthClient.plainHttpToAnotherMachine(URI.create("http://10.0.0.5:8080"))).isTrue();
        assertThat(AuthClient.plainHttpToAnotherMachine(URI.create("http://[2001:db8::1]:8080"))).isTrue();
        assertThat(AuthClient.plainHttpToAnotherMachine(URI.create("https://auth.example.org"))).isFalse();
        assertThat(AuthClient.plainHttpToAnotherMachine(URI.create("http://127.0.0.1:8080"))).isFalse();
        assertThat(AuthClient.plainHttpToAnotherMachine(URI.create("http://127.8.9.1"))).isFalse();
        assertThat(AuthClient.plainHttpToAnotherMachine(URI.create("http://LOCALHOST:8080"))).isFalse();
        assertThat(AuthClient.plainHttpToAnotherMachine(URI.create("http://[::1]:8080"))).isFalse();
    }
}
