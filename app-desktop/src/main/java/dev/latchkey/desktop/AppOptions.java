package dev.latchkey.desktop;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import javax.net.ssl.SSLContext;

import dev.latchkey.desktop.client.AuthClient;
import dev.latchkey.desktop.client.ServerTrust;
import dev.latchkey.desktop.language.LanguageNames;

/**
 * The command line: {@code --server URL} uses a remote auth server, whose HTTPS certificate is checked
 * against the system's authorities or, with {@code --ca-cert FILE}, a private one's; otherwise one runs
 * in-process with its data in {@code --data-dir DIR} (default {@code ~/.latchkey}). {@code --lang xx}
 * speaks that language (an offered one, else English) whatever the menu remembers.
 */
public record AppOptions(Optional<URI> server, Path dataDir, Optional<SSLContext> serverTrust, Optional<Locale> lang) {
    public static final String USAGE =
            "Usage: latchkey [--server URL [--ca-cert FILE]] [--data-dir DIR] [--lang en|de|fr|es|ar] [--help]";

    public static AppOptions parse(String... args) {
        Optional<URI> server = Optional.empty();
        Path dataDir = Path.of(System.getProperty("user.home"), ".latchkey");
        Optional<Path> caCert = Optional.empty();
        Optional<Locale> lang = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(arg.startsWith("--") ? arg + " needs a value." : "Unknown " + arg);
            }
            switch (arg) {
                case "--server" -> server = Optional.of(serverUri(args[++i]));
                case "--data-dir" -> dataDir = Path.of(args[++i]).toAbsolutePath();
                case "--ca-cert" -> caCert = Optional.of(Path.of(args[++i]));
                case "--lang" -> lang = Optional.of(LanguageNames.parse(args[++i]));
                default -> throw new IllegalArgumentException("Unknown option " + arg + ".");
            }
        }
        if (caCert.isPresent() && !server.map(uri -> uri.getScheme().equals("https")).orElse(false)) {
            throw new IllegalArgumentException("--ca-cert goes with --server https://...");
        }
        return new AppOptions(server, dataDir, caCert.map(ServerTrust::trusting), lang);
    }

    /** The line to print at start when {@code --server} is another machine reached over plain http. */
    public Optional<String> plainHttpWarning() {
        return server.filter(AuthClient::plainHttpToAnotherMachine).map(uri -> "Warning: " + uri
                + " is plain http to another machine: passwords and reset codes cross the network unencrypted."
                + " Use its https:// address.");
    }

    private static URI serverUri(String raw) {
        URI uri = URI.create(raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw);
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("--server needs an http or https address, like http://127.0.0.1:8080");
        }
        return uri;
    }
}
