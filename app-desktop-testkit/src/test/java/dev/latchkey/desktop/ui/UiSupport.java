package dev.latchkey.desktop.ui;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import dev.latchkey.desktop.AppContext;
import dev.latchkey.desktop.LatchkeyApp;
import dev.latchkey.desktop.navigation.Navigator;
import dev.latchkey.desktop.navigation.Screen;
import dev.latchkey.desktop.support.DesktopFixture;
import dev.latchkey.desktop.task.FxBackgroundRunner;

/** Shows the real app (real screens, real embedded server) in a stage, and small robot helpers. */
final class UiSupport {
    private UiSupport() {
    }

    static Navigator show(Stage stage, AppContext context, Screen first) {
        Scene scene = new Scene(new StackPane(), 980, 800);
        stage.setScene(scene);
        Navigator navigator = LatchkeyApp.show(scene, context, first);
        stage.show();
        return navigator;
    }

    static AppContext context(DesktopFixture fixture) {
        return fixture.context(new FxBackgroundRunner());
    }

    static void await(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            // Say what every thread was doing: a wait that times out is otherwise a riddle.
            Thread.getAllStackTraces().forEach((thread, stack) -> {
                System.err.println("Thread " + thread.getName() + " " + thread.getState());
                for (StackTraceElement frame : stack) {
                    System.err.println("    at " + frame);
                }
            });
            throw new AssertionError("Condition not met in time", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    static void awaitScreen(Navigator navigator, Screen screen) {
        await(() -> navigator.currentProperty().get() == screen);
    }

    static String text(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        return node instanceof Labeled labeled ? labeled.getText() : ((TextInputControl) node).getText();
    }

    static boolean visible(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(Node::isVisible).orElse(false);
    }

    static boolean disabled(FxRobot robot, String query) {
        return robot.lookup(query).query().isDisabled();
    }

    /** Types into a field as a person would: click it, then the keys. */
    static void type(FxRobot robot, String query, String text) {
        robot.clickOn(query);
        robot.write(text);
    }

    /** Puts text into a field at once, as a paste would. */
    static void paste(FxRobot robot, String query, String text) {
        TextInputControl field = robot.lookup(query).query();
        robot.interact(() -> {
            field.requestFocus();
            field.setText(text);
        });
    }
}
