package dev.latchkey.server.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.config.EnvironmentVariables;

/**
 * Builds the server's configuration: system properties and environment variables first (Helidon's
 * usual rules), then explicit overrides (tests and the embedding desktop use them), then an optional
 * {@code --config FILE}, then {@code application.yaml}, and last the defaults derived from other keys.
 */
public final class ConfigLoader {
    private ConfigLoader() {
    }

    /**
     * What the process brings besides the files: its environment variables (Helidon's names,
     * {@code SERVER_HOST} for {@code server.host}) and system properties.
     */
    public record Outside(Map<String, String> environment, Map<String, String> systemProperties) {
        /**
         * None: a server embedded in another program takes only the settings that program gives it, not
         * what the user's shell holds for a standalone server ({@code SERVER_HOST}, {@code DB_CONNECTION_URL}).
         */
        public static final Outside NONE = new Outside(Map.of(), Map.of());

        public Outside {
            environment = Map.copyOf(environment);
            systemProperties = Map.copyOf(systemProperties);
        }

        /** This process's own. */
        public static Outside ofProcess() {
            Properties properties = System.getProperties();
            Map<String, String> copy = new HashMap<>();
            properties.stringPropertyNames().forEach(name -> copy.put(name, properties.getProperty(name)));
            return new Outside(System.getenv(), copy);
        }
    }

    /** The standalone server's: the process's environment variables and system properties count. */
    public static Config load(Optional<Path> file, Map<String, String> overrides) {
        return load(file, overrides, Outside.ofProcess());
    }

    public static Config load(Optional<Path> file, Map<String, String> overrides, Outside outside) {
        Config base = build(file, overrides, outside);
        Path dataDir = dataDir(base);
        Map<String, String> derived = new HashMap<>();
        derived.put("db.connection.url", "jdbc:derby:" + dataDir.resolve("db") + ";create=true");
        derived.put("auth.mail.outbox-dir", dataDir.resolve("outbox").toString());
        // Layered over the configuration already read, rather than reading every source again (a tenth
        // of the server's start-up went to building the configuration twice).
        return Config.builder()
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .disableValueResolving()
                .addSource(ConfigSources.create(base))
                .addSource(ConfigSources.create(derived, "derived defaults"))
                .build();
    }

    /** {@code auth.data-dir} with a leading {@code ~} taken as the user's home. */
    public static Path dataDir(Config config) {
        String raw = config.get("auth.data-dir").asString().orElse("~/.latchkey");
        if (raw.equals("~") || raw.startsWith("~/")) {
            raw = System.getProperty("user.home") + raw.substring(1);
        }
        return Path.of(raw).toAbsolutePath().normalize();
    }

    private static Config build(Optional<Path> file, Map<String, String> overrides, Outside outside) {
        // Helidon's own sources would read this process's environment whatever the caller wants.
        Config.Builder builder = Config.builder()
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .disableValueResolving();
        if (!outside.systemProperties().isEmpty()) {
            builder.addSource(ConfigSources.create(outside.systemProperties(), "system properties"));
        }
        if (!outside.environment().isEmpty()) {
            builder.addSource(ConfigSources.create(EnvironmentVariables.expand(outside.environment()),
                    "environment variables"));
        }
        if (!overrides.isEmpty()) {
            builder.addSource(ConfigSources.create(overrides, "overrides"));
        }
        file.ifPresent(path -> {
            if (!Files.isReadable(path)) {
                throw new IllegalArgumentException("Cannot read the configuration file " + path);
            }
            builder.addSource(ConfigSources.file(path));
        });
        builder.addSource(ConfigSources.classpath("application.yaml"));
        return builder.build();
    }
}
