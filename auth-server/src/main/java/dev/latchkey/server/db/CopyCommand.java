package dev.latchkey.server.db;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

import io.helidon.config.Config;

import dev.latchkey.server.CommandLine;
import dev.latchkey.server.config.ConfigLoader;

/**
 * {@code db copy-to-postgresql --to URL --to-user USER [--config FILE]}: copies the Derby database the
 * configuration names into an empty PostgreSQL database ({@link PostgresqlCopy}); the PostgreSQL
 * password is read as one line from standard input, so it shows in no process list. Exit codes: 0
 * copied, 1 refused (target not empty, source in use, a database that cannot be reached), 2 wrong usage.
 */
public final class CopyCommand {
    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;

    public CopyCommand(InputStream in, PrintStream out, PrintStream err, Clock clock) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    public int run(CommandLine cli) {
        if (cli.words().size() != 2 || !cli.words().get(1).equals("copy-to-postgresql")
                || cli.option("--to").isEmpty() || cli.option("--to-user").isEmpty()) {
            err.println(CommandLine.USAGE);
            return 2;
        }
        String url = cli.option("--to").get();
        if (!url.startsWith("jdbc:postgresql:")) {
            err.println("--to must be a jdbc:postgresql://HOST:PORT/DATABASE URL, not " + url + ".");
            return 2;
        }
        Config config;
        try {
            config = ConfigLoader.load(cli.configFile(), Map.of());
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        if (Dialect.of(config.get("db.connection.url").asString().get()) != Dialect.DERBY) {
            err.println("The configuration names no Derby database to copy (db.connection.url).");
            return 1;
        }
        String password = readLine();
        Config target = ConfigLoader.load(cli.configFile(), Map.of("db.connection.url", url,
                "db.connection.username", cli.option("--to-user").get(),
                "db.connection.password", password == null ? "" : password)).get("db");
        try (Database from = Database.open(config.get("db")); Database to = Database.open(target)) {
            PostgresqlCopy.Report report = PostgresqlCopy.copy(from, to, clock.millis());
            out.println("Copied " + report.users() + " users (with their password hashes and roles), "
                    + report.lockouts() + " sign-in lockout records, " + report.mailJobs() + " mail jobs and "
                    + report.auditEvents() + " audit events into " + url + ".");
            out.println("Not copied: " + report.liveResetLinks() + " unused reset links and " + report.liveSessions()
                    + " sessions. People signed in sign in again; a reset link from before must be asked for again.");
            return 0;
        } catch (PostgresqlCopy.TargetNotEmpty | DatabaseInUseException e) {
            err.println(e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("The copy failed and nothing was written: " + e.getMessage());
            return 1;
        }
    }

    private String readLine() {
        try {
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
