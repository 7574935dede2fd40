package dev.latchkey.server;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Filter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import dev.latchkey.server.http.LogText;

/**
 * Keeps secrets and forged lines out of the logs, whatever an operator's logging configuration says.
 * Helidon logs raw request headers and bodies (an {@code Authorization} bearer, a password in JSON) and
 * SQL parameters (password hashes) below INFO; Angus Mail logs the whole SMTP conversation (a reset link)
 * at FINEST. Two layers: those loggers, and any child an operator configured, are held at INFO; and every
 * handler gets a filter that drops their records below INFO (sturdier: it holds for loggers made later)
 * and escapes control characters in every message, so no client input can start a line of its own.
 */
final class LogGuard {
    private static final List<String> CHATTY = List.of(
            "io.helidon.common.socket",
            "io.helidon.webserver",
            "io.helidon.http",
            "io.helidon.dbclient",
            "org.eclipse.angus.mail",
            "jakarta.mail",
            "com.zaxxer.hikari");

    /** Strong references: java.util.logging forgets a logger's level once nothing holds the logger. */
    private static final List<Logger> HELD = new CopyOnWriteArrayList<>();
    private static final Set<Handler> FILTERED = Collections.newSetFromMap(new WeakHashMap<>());

    private LogGuard() {
    }

    static synchronized void apply() {
        LogManager manager = LogManager.getLogManager();
        List<String> names = Collections.list(manager.getLoggerNames());
        for (String name : names) {
            Logger logger = manager.getLogger(name);
            if (logger == null) {
                continue;
            }
            if (isChatty(name)) {
                hold(logger);
            }
            for (Handler handler : logger.getHandlers()) {
                guard(handler);
            }
        }
        for (String name : CHATTY) {
            hold(Logger.getLogger(name));
        }
    }

    private static void hold(Logger logger) {
        Level level = logger.getLevel();
        if (level == null || level.intValue() < Level.INFO.intValue()) {
            logger.setLevel(Level.INFO);
        }
        if (!HELD.contains(logger)) {
            HELD.add(logger);
        }
    }

    private static void guard(Handler handler) {
        if (FILTERED.add(handler)) {
            Filter previous = handler.getFilter();
            handler.setFilter(record -> admit(record) && (previous == null || previous.isLoggable(record)));
        }
    }

    static boolean admit(LogRecord record) {
        if (record.getLevel().intValue() < Level.INFO.intValue() && isChatty(record.getLoggerName())) {
            return false;
        }
        if (record.getMessage() != null) {
            record.setMessage(LogText.escape(record.getMessage()));
        }
        Object[] parameters = record.getParameters();
        if (parameters != null) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof CharSequence text) {
                    parameters[i] = LogText.escape(text.toString());
                }
            }
        }
        return true;
    }

    private static boolean isChatty(String name) {
        if (name == null) {
            return false;
        }
        for (String prefix : CHATTY) {
            if (name.equals(prefix) || name.startsWith(prefix + ".")) {
                return true;
            }
        }
        return false;
    }
}
