package dev.latchkey.server.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;

/**
 * Builds the server's configuration: system properties and environment variables first (Helidon's
 * usual rules), then explicit overrides (tests and the embedding desktop use them), then an optional
 * {@code --config FILE}, then {@code application.yaml}, and last the defaults derived from other keys.
 */
public final class ConfigLoader {
    private ConfigLoader() {
    }

    public static Config load(Optional<Path> file, Map<String, String> overrides) {
        Config base = build(file, overrides);
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

    private static Config build(Optional<Path> file, Map<String, String> overrides) {
        Config.Builder builder = Config.builder().disableValueResolving();
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
