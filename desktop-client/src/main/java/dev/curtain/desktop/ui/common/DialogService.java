package dev.curtain.desktop.ui.common;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every message to the person goes through here, in plain words; faults are logged once, here. */
public final class DialogService implements Notifier {

    private static final Logger LOG = LoggerFactory.getLogger(DialogService.class);

    private final Window owner;

    public DialogService(Window owner) {
        this.owner = owner;
    }

    @Override
    public void error(String title, Throwable problem) {
        LOG.warn("event=ui_error title={} error={}", title, problem.toString());
        show(Alert.AlertType.ERROR, title, ProblemMessages.describe(problem));
    }

    @Override
    public void info(String title, String message) {
        show(Alert.AlertType.INFORMATION, title, message);
    }

    /** Installs the last-resort handler: an unexpected fault becomes a dialog, never a stack trace. */
    public void installUncaughtHandler() {
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            LOG.error("event=uncaught thread={}", thread.getName(), e);
            if (javafx.application.Platform.isFxApplicationThread()) {
                show(Alert.AlertType.ERROR, "Unexpected problem",
                        "Something went wrong on this terminal. Your sales are safe on the server. (" + e.getClass().getSimpleName() + ")");
            }
        });
    }

    private void show(Alert.AlertType type, String title, String message) {
        Alert alert = new Alert(type, message, ButtonType.OK);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.show();
    }
}
