package dev.curtain.desktop;

import dev.curtain.desktop.client.CurtainClient;
import dev.curtain.desktop.ui.common.DialogService;
import dev.curtain.desktop.ui.common.SerialBackgroundTasks;
import dev.curtain.desktop.ui.common.Session;
import dev.curtain.desktop.ui.common.ThemeManager;
import dev.curtain.desktop.ui.common.UiDispatcher;
import dev.curtain.desktop.ui.shell.MainWindow;
import dev.curtain.desktop.ui.signin.SignInView;
import dev.curtain.desktop.ui.signin.SignInViewModel;
import java.nio.file.Path;
import java.time.Clock;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The box-office app. Options: --server URL, --user NAME with --password-env VAR (sign in at once),
 * --dark. The last server address is remembered.
 */
public final class CurtainApp extends Application {

    private static final String LAST_SERVER = "lastServer";

    private final ThemeManager theme = new ThemeManager();
    private final UiDispatcher ui = Platform::runLater;
    private final SerialBackgroundTasks tasks = new SerialBackgroundTasks(ui);
    private final Preferences prefs = Preferences.userNodeForPackage(CurtainApp.class);
    private Stage stage;
    private Scene scene;

    @Override
    public void start(Stage primary) {
        this.stage = primary;
        new DialogService(primary).installUncaughtHandler();
        var named = getParameters().getNamed();
        theme.darkProperty().set(getParameters().getUnnamed().contains("--dark") || "true".equals(named.get("dark")));
        SignInViewModel signIn = new SignInViewModel(tasks, CurtainClient::new, this::signedIn);
        signIn.serverUrlProperty().set(named.getOrDefault("server", prefs.get(LAST_SERVER, "http://localhost:8080")));
        scene = new Scene(new SignInView(signIn), 1280, 800);
        theme.apply(scene);
        primary.setTitle("Curtain Box Office");
        primary.setMinWidth(1024);
        primary.setMinHeight(700);
        primary.setScene(scene);
        primary.show();
        String user = named.get("user");
        String passwordVar = named.getOrDefault("password-env", "CURTAIN_DEMO_PASSWORD");
        if (user != null && System.getenv(passwordVar) != null) {
            signIn.usernameProperty().set(user);
            signIn.passwordProperty().set(System.getenv(passwordVar));
            signIn.signIn();
        }
    }

    private void signedIn(Session session) {
        prefs.put(LAST_SERVER, session.client().baseUrl());
        Path tickets = Path.of(System.getProperty("user.home"), "Curtain", "tickets");
        scene.setRoot(new MainWindow(session, tasks, ui, theme, Clock.systemDefaultZone(), stage, tickets, this::signOut));
    }

    private void signOut() {
        SignInViewModel signIn = new SignInViewModel(tasks, CurtainClient::new, this::signedIn);
        signIn.serverUrlProperty().set(prefs.get(LAST_SERVER, "http://localhost:8080"));
        scene.setRoot(new SignInView(signIn));
    }
}
