package dev.latchkey.server.db;

/** The Derby database is held by another process, most likely a running Latchkey server. */
public final class DatabaseInUseException extends RuntimeException {
    public DatabaseInUseException(String url, Throwable cause) {
        super("The database " + url.replaceFirst(";.*", "")
                + " is in use by another process (a running Latchkey server?); stop it and try again.", cause);
    }
}
