package dev.latchkey.desktop.embedded;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.helidon.config.Config;

import dev.latchkey.server.AuthServer;
import dev.latchkey.server.config.ConfigLoader;
import dev.latchkey.server.user.Accounts;

/**
 * The auth server run in-process for the desktop: loopback only, any free port, mail written to the
 * outbox folder so that a person using the app alone receives the reset email in the local mailbox.
 */
public final class LocalServer implements AutoCloseable {
    private final AuthServer server;

    private LocalServer(AuthServer server) {
        this.server = server;
    }

    public static LocalServer start(Path dataDir, Clock clock) {
        return start(dataDir, clock, Map.of());
    }

    /** With {@code settings} over the embedded ones (tests turn a default off this way). */
    public static LocalServer start(Path dataDir, Clock clock, Map<String, String> settings) {
        return new LocalServer(AuthServer.start(configuration(dataDir, settings), clock));
    }

    /**
     * The embedded settings, {@code settings} over them, over the defaults. Not the environment
     * variables or system properties a standalone server reads: a {@code SERVER_HOST=0.0.0.0},
     * {@code AUTH_RATE_LIMIT_ENABLED=false} or {@code DB_CONNECTION_URL} in the user's shell would move
     * the app's server off loopback, turn its limits off or point it at another database.
     */
    static Config configuration(Path dataDir, Map<String, String> settings) {
        Map<String, String> embedded = new HashMap<>(Map.of(
                "auth.data-dir", dataDir.toString(),
                "server.host", "127.0.0.1",
                "server.port", "0",
                "auth.mail.transport", "file"));
        embedded.putAll(settings);
        return ConfigLoader.load(Optional.empty(), embedded, ConfigLoader.Outside.NONE);
    }

    public URI baseUri() {
        return server.baseUri();
    }

    public Path outbox() {
        return server.settings().mail().outboxDir();
    }

    public Accounts accounts() {
        return server.accounts();
    }

    @Override
    public void close() {
        server.close();
    }
}
