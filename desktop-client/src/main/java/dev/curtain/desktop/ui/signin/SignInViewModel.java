package dev.curtain.desktop.ui.signin;

import dev.curtain.desktop.client.CurtainClient;
import dev.curtain.desktop.ui.common.BackgroundTasks;
import dev.curtain.desktop.ui.common.ProblemMessages;
import dev.curtain.desktop.ui.common.Session;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** Signs a clerk in to a server; the server address is remembered by the caller between runs. */
public final class SignInViewModel {

    private final StringProperty serverUrl = new SimpleStringProperty("http://localhost:8080");
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final BackgroundTasks tasks;
    private final Function<String, CurtainClient> clients;
    private final Consumer<Session> signedIn;

    public SignInViewModel(BackgroundTasks tasks, Function<String, CurtainClient> clients, Consumer<Session> signedIn) {
        this.tasks = tasks;
        this.clients = clients;
        this.signedIn = signedIn;
    }

    public BooleanBinding canSignIn() {
        return Bindings.createBooleanBinding(() -> !busy.get() && !username.get().isBlank() && !password.get().isEmpty()
                && !serverUrl.get().isBlank(), busy, username, password, serverUrl);
    }

    public void signIn() {
        if (!canSignIn().get()) {
            error.set("Enter the server address, your username and your password.");
            return;
        }
        String url = serverUrl.get().strip();
        if (!url.matches("https?://.+")) {
            error.set("The server address must start with http:// or https://");
            return;
        }
        busy.set(true);
        error.set("");
        CurtainClient client = clients.apply(url);
        tasks.run(() -> client.login(username.get().strip(), password.get()), tokens -> {
            busy.set(false);
            password.set("");
            signedIn.accept(new Session(client, tokens.username(), tokens.roles()));
        }, failure -> {
            busy.set(false);
            error.set(ProblemMessages.describe(failure));
        });
    }

    public StringProperty serverUrlProperty() {
        return serverUrl;
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}
