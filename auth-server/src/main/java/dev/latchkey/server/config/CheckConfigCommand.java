package dev.latchkey.server.config;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import io.helidon.config.Config;
import io.helidon.config.ConfigException;
import io.helidon.config.ConfigSources;

import dev.latchkey.server.db.Dialect;
import dev.latchkey.server.mfa.SecretBox;
import dev.latchkey.server.http.ClientIp;
import dev.latchkey.server.http.ServerTls;

/**
 * {@code serve --check-config [--config FILE]}: reads the configuration as a start would, checks
 * every value the server would refuse (without opening the database, binding the port or writing
 * anything), warns of {@code auth.*} keys the server does not know (a misspelt key is otherwise
 * silently a default), and exits: 0 when the server would start on it, 1 when not.
 */
public final class CheckConfigCommand {
    /** Keys the server reads that application.yaml leaves out (their defaults are derived or absent). */
    private static final Set<String> OPTIONAL_AUTH_KEYS = Set.of("auth.public-url", "auth.trusted-proxies",
            "auth.health.details-for-all", "auth.metrics.for-all", "auth.mail.outbox-dir",
            "auth.mail.smtp.host", "auth.mail.smtp.username", "auth.mail.smtp.password", "auth.mfa.key",
            "auth.mfa.required-roles");

    private final PrintStream out;
    private final PrintStream err;

    public CheckConfigCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(Optional<Path> file) {
        String name = file.map(Object::toString).orElse("the built-in defaults");
        // A set: a value AuthSettings refuses may be refused again by the check of its own part.
        Set<String> problems = new LinkedHashSet<>();
        Config config;
        try {
            config = ConfigLoader.load(file, Map.of());
        } catch (IllegalArgumentException | ConfigException e) {
            err.println("Not a usable configuration: " + e.getMessage());
            return 1;
        }
        AuthSettings settings = check(problems, () -> AuthSettings.from(config));
        // Parts AuthSettings reads after a value it may refuse first: checked on their own, so each is named.
        check(problems, () -> new ClientIp(AuthSettings.listOf(config.get("auth.trusted-proxies"))));
        check(problems, () -> MailSettings.from(config.get("auth.mail")));
        Dialect dialect = check(problems, () -> Dialect.of(config.get("db.connection.url").asString().orElse("")));
        if (settings != null && dialect != null && (settings.mfa().key().isPresent() || dialect.shared())) {
            // A Derby server without a key makes its own file at its first start: nothing to check then.
            check(problems, () -> SecretBox.load(settings.mfa().key(), settings.dataDir(), true));
        }
        Integer port = check(problems, () -> config.get("server.port").asInt().orElse(8080));
        if (port != null && (port < 0 || port > 65535)) {
            problems.add("server.port must be between 0 and 65535, not " + port);
        }
        Config tls = config.get("server.tls");
        if (tls.exists()) {
            // Reads the key store and makes the TLS context, as the web server will.
            check(problems, () -> ServerTls.create(tls));
        }
        unknownAuthKeys(config).forEach(key -> err.println("Warning: " + key
                + " is not a setting Latchkey knows (misspelt?); it is ignored."));
        if (!problems.isEmpty()) {
            err.println("The configuration in " + name + " would not start the server:");
            problems.forEach(problem -> err.println("  - " + problem));
            return 1;
        }
        out.println("Configuration OK: " + name);
        out.println("  listens on " + config.get("server.host").asString().orElse("127.0.0.1") + ":" + port
                + (tls.exists() ? " with TLS" : " without TLS"));
        out.println("  database: " + Dialect.of(config.get("db.connection.url").asString().get()).name().toLowerCase(Locale.ROOT)
                + ", data folder " + settings.dataDir());
        out.println("  mail: " + settings.mail().transport());
        return 0;
    }

    /** The value, or null with the refusal's message added to {@code problems}. */
    private static <T> T check(Set<String> problems, Supplier<T> value) {
        try {
            return value.get();
        } catch (RuntimeException e) {
            problems.add(describe(e));
            return null;
        }
    }

    /** The refusal and, when it wraps one, its cause ("keystore password was incorrect"). */
    private static String describe(RuntimeException e) {
        String message = String.valueOf(e.getMessage());
        Throwable cause = e.getCause();
        return cause == null || cause.getMessage() == null || message.contains(cause.getMessage())
                ? message : message + " (" + cause.getMessage() + ")";
    }

    private static Set<String> unknownAuthKeys(Config config) {
        Set<String> known = new TreeSet<>(OPTIONAL_AUTH_KEYS);
        Config defaults = Config.builder().disableEnvironmentVariablesSource().disableSystemPropertiesSource()
                .addSource(ConfigSources.classpath("application.yaml")).build();
        leaves(defaults.get("auth"), known);
        Set<String> given = new TreeSet<>();
        leaves(config.get("auth"), given);
        given.removeIf(key -> known.contains(key) || isListItem(key, known));
        return given;
    }

    /** {@code auth.trusted-proxies.0}: an item of a known list. */
    private static boolean isListItem(String key, Set<String> known) {
        int dot = key.lastIndexOf('.');
        return dot > 0 && key.substring(dot + 1).chars().allMatch(Character::isDigit) && known.contains(key.substring(0, dot));
    }

    private static void leaves(Config node, Set<String> keys) {
        node.traverse().filter(Config::isLeaf).forEach(leaf -> keys.add(leaf.key().toString()));
    }
}
