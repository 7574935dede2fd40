package dev.latchkey.testkit;

import java.nio.file.Path;
import java.util.concurrent.TimeoutException;

import javafx.stage.Stage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

import dev.latchkey.api.Role;
import dev.latchkey.desktop.AppContext;
import dev.latchkey.desktop.navigation.Screen;
import dev.latchkey.desktop.support.DesktopFixture;
import dev.latchkey.desktop.task.FxBackgroundRunner;

/**
 * For UI test classes whose tests share one embedded server: each test gets a fresh app (context,
 * window), by default on the sign-in screen. Tests keep out of each other's way with their own users.
 */
@ExtendWith(ApplicationExtension.class)
public abstract class SharedAppUiTest {
    @TempDir
    protected static Path dir;
    protected static DesktopFixture fixture;

    protected LatchkeyWindow window;
    /** Whether this class's server has its administrator yet ({@link #openAsAdministrator}). */
    private static boolean administrator;

    @BeforeAll
    static void startServer() {
        fixture = new DesktopFixture(dir);
        administrator = false;
    }

    @AfterAll
    static void stopServer() {
        fixture.close();
    }

    /** TestFX looks for {@code @Start} on the test class only, so the stage is set up here. */
    @BeforeEach
    void showApp() throws TimeoutException {
        FxToolkit.setupStage(stage -> window = open(stage));
    }

    /** The app each test starts with; a class that wants another first screen or a session says so here. */
    protected LatchkeyWindow open(Stage stage) {
        return LatchkeyWindow.open(stage, fixture, Screen.SIGN_IN);
    }

    /** The app already signed in as admin@example.com, an administrator: every screen is reachable. */
    protected static LatchkeyWindow openAsAdministrator(Stage stage) {
        String email = "admin@example.com";
        if (!administrator) {
            fixture.addUser(email, Role.ADMIN);
            administrator = true;
        }
        AppContext context = fixture.context(new FxBackgroundRunner());
        try {
            context.session().set(fixture.client.signIn(email, DesktopFixture.PASSWORD));
        } catch (Exception e) {
            throw new AssertionError("Cannot sign in as " + email, e);
        }
        return LatchkeyWindow.open(stage, context, Screen.SIGN_IN);
    }
}
