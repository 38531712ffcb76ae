package dev.curtain.desktop.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/** The app's background lane: one daemon thread, results handed back through the dispatcher. */
public final class SerialBackgroundTasks implements BackgroundTasks {

    private final ExecutorService lane = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "curtain-background");
        t.setDaemon(true);
        return t;
    });
    private final UiDispatcher ui;

    public SerialBackgroundTasks(UiDispatcher ui) {
        this.ui = ui;
    }

    @Override
    public <T> void run(Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onFailed) {
        lane.execute(() -> {
            try {
                T result = work.call();
                ui.run(() -> onDone.accept(result));
            } catch (Exception e) {
                ui.run(() -> onFailed.accept(e));
            }
        });
    }
}
