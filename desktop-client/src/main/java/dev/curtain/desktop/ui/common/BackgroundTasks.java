package dev.curtain.desktop.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs blocking work (network calls) away from the UI thread and reports back on it. Work is done
 * one task at a time, in order, so a clerk's quick clicks reach the server in the order made.
 */
public interface BackgroundTasks {

    <T> void run(Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onFailed);

    /** Runs everything at once on the caller's thread: view-model tests need no FX thread. */
    BackgroundTasks IMMEDIATE = new BackgroundTasks() {
        @Override
        public <T> void run(Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onFailed) {
            T result;
            try {
                result = work.call();
            } catch (Exception e) {
                onFailed.accept(e);
                return;
            }
            onDone.accept(result);
        }
    };
}
