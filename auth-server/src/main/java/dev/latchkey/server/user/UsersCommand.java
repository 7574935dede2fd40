package dev.latchkey.server.user;

import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Locale;

import io.helidon.config.Config;

import dev.latchkey.api.Role;
import dev.latchkey.server.CommandLine;
import dev.latchkey.server.audit.AuditLog;
import dev.latchkey.server.config.AuthSettings;
import dev.latchkey.server.config.DataDir;
import dev.latchkey.server.db.Database;
import dev.latchkey.server.db.DatabaseInUseException;
import dev.latchkey.server.password.Passwords;

/**
 * {@code users add} and {@code users list}. Exit codes: 0 done, 1 refused (bad email, weak password,
 * duplicate, database in use), 2 wrong usage.
 */
public final class UsersCommand {
    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;

    public UsersCommand(InputStream in, PrintStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    public int run(CommandLine cli) {
        String action = cli.words().size() > 1 ? cli.words().get(1) : "";
        if (!action.equals("add") && !action.equals("list") || cli.words().size() > 2) {
            err.println(CommandLine.USAGE);
            return 2;
        }
        return cli.withConfig(err, config -> action.equals("add") ? add(cli, config) : list(config));
    }

    private int add(CommandLine cli, Config config) {
        if (cli.option("--email").isEmpty()) {
            err.println("Give the new user's address with --email.");
            return 1;
        }
        Role role;
        try {
            role = Role.valueOf(cli.option("--role").orElse("USER").strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            err.println("The role must be USER, HELPDESK or ADMIN, not " + cli.option("--role").get() + ".");
            return 1;
        }
        String password = CommandLine.readSecret(in, "Password for the new user: ");
        if (password == null) {
            err.println("Type the password as one line on standard input.");
            return 1;
        }
        AuthSettings settings = AuthSettings.from(config);
        Clock clock = Clock.systemUTC();
        DataDir.prepare(settings.dataDir());
        try (Database db = Database.open(config.get("db"))) {
            Accounts accounts = new Accounts(db, new Users(), new Passwords(1), settings.passwordPolicy(),
                    new AuditLog(clock), clock);
            User user = accounts.create(cli.option("--email").get(), cli.option("--name").orElse(null), role, password,
                    "command line");
            out.println("Added user " + user.id() + ": " + user.email() + " (" + user.role() + ")");
            return 0;
        } catch (AccountRefused e) {
            err.println(e.getMessage());
            return 1;
        } catch (DatabaseInUseException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    private int list(Config config) {
        try (Database db = Database.open(config.get("db"))) {
            out.printf("%-6s %-40s %-9s %-10s %s%n", "ID", "EMAIL", "ROLE", "PASSWORD", "NAME");
            for (User user : new Users().list(db.execute())) {
                out.printf("%-6d %-40s %-9s %-10s %s%n", user.id(), user.email(), user.role(),
                        user.passwordHash() == null ? "not set" : "set", user.displayName());
            }
            return 0;
        } catch (DatabaseInUseException e) {
            err.println(e.getMessage());
            return 1;
        }
    }
}
