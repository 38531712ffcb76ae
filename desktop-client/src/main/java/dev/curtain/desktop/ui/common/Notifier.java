package dev.curtain.desktop.ui.common;

/** How view models tell the person something went wrong, without knowing about dialogs. */
public interface Notifier {

    void error(String title, Throwable problem);

    void info(String title, String message);

    Notifier SILENT = new Notifier() {
        @Override
        public void error(String title, Throwable problem) {
        }

        @Override
        public void info(String title, String message) {
        }
    };
}
