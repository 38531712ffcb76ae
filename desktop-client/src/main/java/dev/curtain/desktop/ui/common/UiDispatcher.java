package dev.curtain.desktop.ui.common;

/** Hands work to the UI thread. View models receive network callbacks through it, never Platform.runLater. */
@FunctionalInterface
public interface UiDispatcher {

    void run(Runnable task);

    /** For tests and for code already on the right thread. */
    UiDispatcher DIRECT = Runnable::run;
}
