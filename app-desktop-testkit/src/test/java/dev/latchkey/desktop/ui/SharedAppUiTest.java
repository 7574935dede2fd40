package dev.latchkey.desktop.ui;

import java.nio.file.Path;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

import dev.latchkey.desktop.navigation.Screen;
import dev.latchkey.desktop.support.DesktopFixture;
import dev.latchkey.testkit.LatchkeyWindow;

/**
 * For UI test classes whose tests share one embedded server: each test gets a fresh app (context,
 * window) on the sign-in screen. Tests keep out of each other's way with their own users.
 */
@ExtendWith(ApplicationExtension.class)
abstract class SharedAppUiTest {
    @TempDir
    static Path dir;
    static DesktopFixture fixture;

    LatchkeyWindow window;

    @BeforeAll
    static void startServer() {
        fixture = new DesktopFixture(dir);
    }

    @AfterAll
    static void stopServer() {
        fixture.close();
    }

    /** TestFX looks for {@code @Start} on the test class only, so the stage is set up here. */
    @BeforeEach
    void showApp() throws TimeoutException {
        FxToolkit.setupStage(stage -> window = LatchkeyWindow.open(stage, fixture, Screen.SIGN_IN));
    }
}
