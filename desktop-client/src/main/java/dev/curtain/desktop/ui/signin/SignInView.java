package dev.curtain.desktop.ui.signin;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** Binds the sign-in card to its view model; no logic here. */
public final class SignInView extends StackPane {

    public SignInView(SignInViewModel vm) {
        getStyleClass().add("sign-in");
        Label brand = new Label("Curtain");
        brand.getStyleClass().add("title");
        Label hint = new Label("Box office sign-in");
        hint.getStyleClass().add("subtitle");
        TextField server = new TextField();
        server.setId("server");
        server.textProperty().bindBidirectional(vm.serverUrlProperty());
        TextField user = new TextField();
        user.setId("username");
        user.setPromptText("Username");
        user.textProperty().bindBidirectional(vm.usernameProperty());
        PasswordField password = new PasswordField();
        password.setId("password");
        password.setPromptText("Password");
        password.textProperty().bindBidirectional(vm.passwordProperty());
        Button signIn = new Button("Sign in");
        signIn.setId("sign-in");
        signIn.getStyleClass().addAll("primary", "big");
        signIn.setMaxWidth(Double.MAX_VALUE);
        signIn.setDefaultButton(true);
        signIn.disableProperty().bind(vm.canSignIn().not());
        signIn.setOnAction(e -> vm.signIn());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setMaxSize(28, 28);
        busy.visibleProperty().bind(vm.busyProperty());
        Label error = new Label();
        error.setId("sign-in-error");
        error.getStyleClass().add("error-text");
        error.textProperty().bind(vm.errorProperty());
        error.setMaxWidth(360);

        VBox card = new VBox(brand, hint, new Label("Server"), server, new Label("Username"), user,
                new Label("Password"), password, signIn, busy, error);
        card.getStyleClass().add("card");
        card.setMaxWidth(400);
        card.setMaxHeight(VBox.USE_PREF_SIZE);
        card.setAlignment(Pos.CENTER_LEFT);
        getChildren().add(card);
        setAlignment(Pos.CENTER);
        sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                (vm.usernameProperty().get().isBlank() ? user : password).requestFocus();
            }
        });
    }
}
