package dev.latchkey.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToIntFunction;

import io.helidon.config.Config;

import dev.latchkey.server.config.ConfigLoader;

/**
 * The parsed command line: an optional {@code serve}, {@code users} or {@code db} sub-command, its
 * options, and {@code --config}.
 */
public record CommandLine(List<String> words, Map<String, String> options) {
    public static final String USAGE = """
            Usage:
              java -jar auth-server.jar [serve] [--config FILE]
              java -jar auth-server.jar serve --check-config [--config FILE]
                  (checks the configuration, prints what it would serve, and exits: 0 if it would start)
              java -jar auth-server.jar users add --email E [--name N] [--role USER|HELPDESK|ADMIN] [--config FILE]
                  (reads the password as one line from standard input)
              java -jar auth-server.jar users list [--config FILE]
              java -jar auth-server.jar db copy-to-postgresql --to jdbc:postgresql://HOST:PORT/DB --to-user U
                  [--config FILE]
                  (copies the Derby database into an empty PostgreSQL one; reads its password from standard input)
              java -jar auth-server.jar db cleanup [--config FILE]
                  (deletes what is past its retention, auth.retention.*, and prints how many rows of each kind)""";
    private static final Set<String> OPTIONS = Set.of("--config", "--email", "--name", "--role", "--to", "--to-user");
    /** Options that take no value. */
    private static final Set<String> FLAGS = Set.of("--check-config");
    private static final Set<String> COMMANDS = Set.of("serve", "users", "db");

    public static CommandLine parse(String[] args) {
        List<String> words = new ArrayList<>();
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (FLAGS.contains(arg)) {
                options.put(arg, "true");
            } else if (arg.startsWith("--")) {
                String name = arg;
                String value;
                int eq = arg.indexOf('=');
                if (eq > 0) {
                    name = arg.substring(0, eq);
                    value = arg.substring(eq + 1);
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    throw new IllegalArgumentException("The option " + arg + " needs a value.");
                }
                if (!OPTIONS.contains(name)) {
                    throw new IllegalArgumentException("Unknown option " + name + ".");
                }
                options.put(name, value);
            } else {
                words.add(arg);
            }
        }
        if (!words.isEmpty() && !COMMANDS.contains(words.get(0))) {
            throw new IllegalArgumentException("Unknown command " + words.get(0) + ".");
        }
        if (options.containsKey("--check-config") && !words.equals(List.of("serve"))) {
            throw new IllegalArgumentException("--check-config goes with serve.");
        }
        return new CommandLine(List.copyOf(words), Map.copyOf(options));
    }

    /** The sub-command ({@code users} or {@code db}), or empty to serve. */
    public Optional<String> command() {
        return words.isEmpty() || words.get(0).equals("serve") ? Optional.empty() : Optional.of(words.get(0));
    }

    /** {@code serve --check-config}. */
    public boolean checkConfig() {
        return options.containsKey("--check-config");
    }

    /** Runs {@code command} with the configuration {@code --config} names; an unreadable one is a usage error (2). */
    public int withConfig(PrintStream err, ToIntFunction<Config> command) {
        Config config;
        try {
            config = ConfigLoader.load(configFile(), Map.of());
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        return command.applyAsInt(config);
    }

    /**
     * A secret given as one line: typed at the terminal without echo when {@code in} is the console's,
     * else read from {@code in} (a pipe). Null when there is none.
     */
    public static String readSecret(InputStream in, String prompt) {
        if (in == System.in && System.console() != null) {
            char[] typed = System.console().readPassword(prompt);
            return typed == null ? null : new String(typed);
        }
        try {
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            return null;
        }
    }

    public Optional<Path> configFile() {
        return option("--config").map(Path::of);
    }

    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }
}
