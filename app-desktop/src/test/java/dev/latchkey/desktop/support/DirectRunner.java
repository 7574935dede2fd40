package dev.latchkey.desktop.support;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

import dev.latchkey.desktop.task.BackgroundRunner;

/** Runs work at once on the calling thread: view-model tests need no UI thread. */
public final class DirectRunner implements BackgroundRunner {
    @Override
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Exception> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(result);
    }
}
