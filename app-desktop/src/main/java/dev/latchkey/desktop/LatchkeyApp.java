package dev.latchkey.desktop;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.logging.Logger;

import javafx.application.Application;
import javafx.geometry.NodeOrientation;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import atlantafx.base.theme.PrimerLight;

import dev.latchkey.desktop.client.AuthClient;
import dev.latchkey.desktop.embedded.LocalServer;
import dev.latchkey.desktop.language.LanguagePreference;
import dev.latchkey.desktop.navigation.Navigator;
import dev.latchkey.desktop.navigation.Screen;
import dev.latchkey.desktop.task.FxBackgroundRunner;
import dev.latchkey.password.PasswordPolicy;
import dev.latchkey.server.db.DatabaseInUseException;

/**
 * The JavaFX application. The embedded server starts (in {@link Launcher}) while the toolkit comes
 * up; the window shows "Starting..." until the first real screen is ready.
 */
public final class LatchkeyApp extends Application {
    private static final Logger LOG = Logger.getLogger(LatchkeyApp.class.getName());
    private static AppOptions options = AppOptions.parse();
    private static CompletableFuture<LocalServer> localServer;

    private final FxBackgroundRunner runner = new FxBackgroundRunner();
    private LocalServer local;

    static void configure(AppOptions appOptions, CompletableFuture<LocalServer> startingServer) {
        options = appOptions;
        localServer = startingServer;
    }

    /** What start-up prepares off the UI thread. */
    private record Ready(AuthClient client, Optional<LocalServer> local, PasswordPolicy policy, Screen first) {
    }

    @Override
    public void start(Stage stage) {
        LanguagePreference languages = new LanguagePreference(options.dataDir());
        Messages text = Messages.load(languages.choose(options.lang(), Locale.getDefault()));
        Label starting = new Label(text.get("startup.starting"));
        starting.setId("startupStatus");
        starting.setWrapText(true);
        ProgressIndicator progress = new ProgressIndicator();
        VBox splash = new VBox(16, progress, starting);
        splash.setAlignment(Pos.CENTER);
        splash.setMaxWidth(480);
        splash.setNodeOrientation(text.rightToLeft() ? NodeOrientation.RIGHT_TO_LEFT : NodeOrientation.LEFT_TO_RIGHT);
        Scene scene = new Scene(splash, 980, 800);
        stage.setTitle(text.get("app.name"));
        stage.setMinWidth(640);
        stage.setMinHeight(560);
        stage.setScene(scene);
        styled(scene);
        stage.show();

        runner.run(this::prepare, ready -> {
            local = ready.local().orElse(null);
            AppContext context = new AppContext(ready.client(), runner, ready.local(), text, ready.policy(),
                    languages);
            show(scene, context, ready.first());
            LOG.info(() -> "Latchkey desktop: first screen (" + ready.first() + ") shown "
                    + ManagementFactory.getRuntimeMXBean().getUptime() + " ms after launch");
            // The password dictionaries load while the person reads the first screen, not before it.
            Thread.ofVirtual().name("latchkey-dictionaries").start(PasswordPolicy::warmUp);
        }, failure -> {
            progress.setVisible(false);
            starting.setText(text.get("startup.failed", describe(failure, text)));
        });
    }

    /** Puts the app's frame into a scene and shows the first screen; tests call this too. */
    public static Navigator show(Scene scene, AppContext context, Screen first) {
        Navigator navigator = new Navigator(context.messages().bundle());
        navigator.setControllerFactory(Views.factory(context, navigator));
        scene.setRoot(MainWindow.create(context, navigator));
        styled(scene);
        navigator.show(first);
        // Another language takes effect at once: the frame and the current screen are built again in it.
        context.messagesProperty().addListener((obs, old, now) -> {
            scene.setRoot(MainWindow.create(context, navigator));
            navigator.relocalize(now.bundle());
        });
        return navigator;
    }

    private static void styled(Scene scene) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        String css = Objects.requireNonNull(LatchkeyApp.class.getResource("latchkey.css")).toExternalForm();
        if (!scene.getStylesheets().contains(css)) {
            scene.getStylesheets().add(css);
        }
    }

    private Ready prepare() throws Exception {
        if (options.server().isPresent()) {
            AuthClient client = new AuthClient(options.server().get(), options.serverTrust());
            return new Ready(client, Optional.empty(), PasswordPolicy.of(client.passwordPolicy()), Screen.SIGN_IN);
        }
        CompletableFuture<LocalServer> starting = localServer != null ? localServer
                : CompletableFuture.supplyAsync(() -> LocalServer.start(options.dataDir(), Clock.systemUTC()));
        LocalServer server;
        try {
            server = starting.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        AuthClient client = new AuthClient(server.baseUri());
        PasswordPolicy policy = PasswordPolicy.of(client.passwordPolicy());
        return new Ready(client, Optional.of(server), policy, server.accounts().any() ? Screen.SIGN_IN : Screen.SETUP);
    }

    private static String describe(Exception failure, Messages text) {
        if (failure instanceof DatabaseInUseException) {
            return text.get("startup.inUse", options.dataDir());
        }
        return text.describe(failure);
    }

    @Override
    public void stop() {
        runner.close();
        if (local != null) {
            local.close();
        }
    }
}
