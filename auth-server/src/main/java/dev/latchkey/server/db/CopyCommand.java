package dev.latchkey.server.db;

import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;

import dev.latchkey.server.CommandLine;

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
        return cli.withConfig(err, config -> copy(cli, url, config.get("db.connection")));
    }

    private int copy(CommandLine cli, String url, Config source) {
        String sourceUrl = source.get("url").asString().get();
        if (Dialect.of(sourceUrl) != Dialect.DERBY) {
            err.println("The configuration names no Derby database to copy (db.connection.url).");
            return 1;
        }
        String password = CommandLine.readSecret(in, "Password of the PostgreSQL user: ");
        // Only what the command line names: no environment variable or system property may redirect either side.
        Config from = dbConfig(sourceUrl.replace(";create=true", ""), source.get("username").asString().orElse(""),
                source.get("password").asString().orElse(""));
        Config to = dbConfig(url, cli.option("--to-user").get(), password == null ? "" : password);
        try (Database derby = Database.open(from); Database postgresql = Database.open(to)) {
            PostgresqlCopy.Report report = PostgresqlCopy.copy(derby, postgresql, clock.millis());
            out.println("Copied " + report.users() + " users (with their password hashes, roles and holds), "
                    + report.lockouts() + " sign-in lockout records, " + report.mailJobs() + " mail jobs, "
                    + report.auditEvents() + " audit events, " + report.cases() + " help-desk cases and "
                    + report.reportLinks() + " \"Not you?\" links into " + url + ".");
            out.println("Not copied: " + report.liveResetLinks() + " unused reset links and " + report.liveSessions()
                    + " sessions. People signed in sign in again; a reset link from before must be asked for again.");
            return 0;
        } catch (PostgresqlCopy.CopyRefused | DatabaseInUseException e) {
            err.println(e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            if (Database.hasSqlState(e, "XJ004")) {
                err.println("No Derby database at " + sourceUrl.replaceFirst(";.*", "")
                        + ": is the data folder right?");
            } else {
                err.println("The copy failed and nothing was written: " + e.getMessage());
            }
            return 1;
        }
    }

    private static Config dbConfig(String url, String user, String password) {
        return Config.builder()
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .addSource(ConfigSources.create(Map.of("source", "jdbc", "connection.url", url,
                        "connection.username", user, "connection.password", password)))
                .build();
    }
}
