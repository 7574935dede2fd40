package dev.latchkey.server.retention;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import io.helidon.config.Config;

import dev.latchkey.server.CommandLine;
import dev.latchkey.server.config.AuthSettings;
import dev.latchkey.server.db.Database;
import dev.latchkey.server.db.DatabaseInUseException;

/**
 * {@code db cleanup [--config FILE]}: deletes what is past its retention once, as a running server does
 * every {@code auth.retention.interval}, and prints how many rows of each kind it removed. Exit codes:
 * 0 done, 1 refused (database in use, another instance cleaning up, a database that cannot be reached),
 * 2 wrong usage.
 */
public final class CleanupCommand {
    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;

    public CleanupCommand(PrintStream out, PrintStream err, Clock clock) {
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    public int run(CommandLine cli) {
        if (cli.words().size() != 2 || !cli.words().get(1).equals("cleanup")) {
            err.println(CommandLine.USAGE);
            return 2;
        }
        return cli.withConfig(err, this::cleanup);
    }

    private int cleanup(Config config) {
        AuthSettings settings;
        try {
            settings = AuthSettings.from(config);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 1;
        }
        try (Database db = Database.open(config.get("db"))) {
            Optional<Map<Retention.Kind, Long>> removed =
                    new Retention(db, settings.retention(), clock, (kind, rows) -> { }).runOnce();
            if (removed.isEmpty()) {
                err.println("Another instance is deleting old rows right now; nothing was removed. Try again later.");
                return 1;
            }
            out.println("Removed rows past their retention:");
            removed.get().forEach((kind, rows) -> out.printf("  %-17s %d%n", kind.label(), rows));
            return 0;
        } catch (DatabaseInUseException e) {
            err.println(e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("The cleanup stopped: " + e.getMessage() + " (what it removed before is gone)");
            return 1;
        }
    }
}
