package dev.latchkey.desktop.task;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs work off the UI thread and hands its outcome back on it. View-models depend on this, not on
 * JavaFX's threading, so they are tested with a runner that runs everything at once.
 */
public interface BackgroundRunner {
    <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Exception> onFailure);
}
