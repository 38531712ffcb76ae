package dev.curtain.desktop;

import javafx.application.Application;

/** Plain main class, so the app starts from a classpath jar without the JavaFX launcher's module checks. */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        Application.launch(CurtainApp.class, args);
    }
}
