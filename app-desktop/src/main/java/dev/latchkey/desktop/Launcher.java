package dev.latchkey.desktop;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;

import javafx.application.Application;

import dev.latchkey.desktop.embedded.LocalServer;

/**
 * The desktop's entry point. Starts the embedded server on its own thread right away, so that it
 * comes up while JavaFX starts, then launches the application. A plain main class (not an
 * {@code Application}) lets JavaFX run from the class path.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 1 && args[0].equals("--help")) {
            System.out.println(AppOptions.USAGE);
            return;
        }
        AppOptions options;
        try {
            options = AppOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(AppOptions.USAGE);
            System.exit(2);
            return;
        }
        options.plainHttpWarning().ifPresent(System.err::println);
        CompletableFuture<LocalServer> local = options.server().isPresent() ? null
                : CompletableFuture.supplyAsync(() -> LocalServer.start(options.dataDir(), Clock.systemUTC()));
        LatchkeyApp.configure(options, local);
        Application.launch(LatchkeyApp.class, args);
    }
}
