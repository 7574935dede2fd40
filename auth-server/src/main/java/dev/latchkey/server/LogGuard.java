package dev.latchkey.server;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Helidon logs raw request headers and bodies (an {@code Authorization} bearer, a password in JSON)
 * and SQL parameters (password hashes) at FINE and below. Those loggers are held at INFO, so that
 * turning logging up to debug a problem never writes a secret.
 */
final class LogGuard {
    private static final List<String> CHATTY = List.of(
            "io.helidon.common.socket",
            "io.helidon.webserver",
            "io.helidon.http",
            "io.helidon.dbclient");

    /** Strong references: java.util.logging forgets a logger's level once nothing holds the logger. */
    private static final List<Logger> HELD = CHATTY.stream().map(Logger::getLogger).toList();

    private LogGuard() {
    }

    static void apply() {
        for (Logger logger : HELD) {
            Level level = logger.getLevel();
            if (level == null || level.intValue() < Level.INFO.intValue()) {
                logger.setLevel(Level.INFO);
            }
        }
    }
}
