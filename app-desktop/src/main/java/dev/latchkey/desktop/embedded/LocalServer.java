package dev.latchkey.desktop.embedded;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

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
        Map<String, String> embedded = new HashMap<>(Map.of(
                "auth.data-dir", dataDir.toString(),
                "server.host", "127.0.0.1",
                "server.port", "0",
                "auth.mail.transport", "file"));
        embedded.putAll(settings);
        return new LocalServer(AuthServer.start(ConfigLoader.load(Optional.empty(), embedded), clock));
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
