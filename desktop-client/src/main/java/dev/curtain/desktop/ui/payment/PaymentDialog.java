package dev.curtain.desktop.ui.payment;

import dev.curtain.model.booking.PaymentMethod;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The payment window: cash (tendered → change), card-terminal reference, or comp with approval. */
public final class PaymentDialog {

    private final Stage stage = new Stage();

    public PaymentDialog(Window owner, PaymentViewModel vm, java.util.List<String> stylesheets) {
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Payment");

        Label total = new Label("Total " + vm.totalText());
        total.getStyleClass().add("total-label");
        ToggleGroup methods = new ToggleGroup();
        ToggleButton cash = method("Cash (F2)", PaymentMethod.CASH, methods, vm);
        ToggleButton card = method("Card terminal (F3)", PaymentMethod.CARD_TERMINAL, methods, vm);
        ToggleButton comp = method("Complimentary (F4)", PaymentMethod.COMP, methods, vm);
        ToggleButton stripe = method("Card online (F5)", PaymentMethod.STRIPE, methods, vm);
        methods.selectToggle(cash);

        TextField tendered = new TextField();
        tendered.setId("tendered");
        tendered.setPromptText("Tendered (empty = exact)");
        tendered.textProperty().bindBidirectional(vm.tenderedProperty());
        Label change = new Label();
        change.setId("change-due");
        change.setStyle("-fx-font-size: 18px; -fx-font-weight: bold;");
        change.textProperty().bind(vm.changeDueProperty());
        TextField reference = new TextField();
        reference.setId("card-reference");
        reference.setPromptText("Terminal reference");
        reference.textProperty().bindBidirectional(vm.referenceProperty());
        TextField approver = new TextField();
        approver.setPromptText("Manager username");
        approver.textProperty().bindBidirectional(vm.approverProperty());
        PasswordField approverPassword = new PasswordField();
        approverPassword.setPromptText("Manager password");
        approverPassword.textProperty().bindBidirectional(vm.approverPasswordProperty());
        TextField name = new TextField();
        name.setPromptText("Customer name (optional)");
        name.textProperty().bindBidirectional(vm.customerNameProperty());
        TextField email = new TextField();
        email.setPromptText("Email (optional)");
        email.textProperty().bindBidirectional(vm.customerEmailProperty());

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.addRow(0, new Label("Cash tendered"), tendered);
        form.addRow(1, new Label(""), change);
        form.addRow(2, new Label("Card reference"), reference);
        form.addRow(3, new Label("Comp approval"), new HBox(6, approver, approverPassword));
        form.addRow(4, new Label("Customer"), new HBox(6, name, email));
        tendered.disableProperty().bind(vm.methodProperty().isNotEqualTo(PaymentMethod.CASH));
        reference.disableProperty().bind(vm.methodProperty().isNotEqualTo(PaymentMethod.CARD_TERMINAL));
        approver.disableProperty().bind(vm.methodProperty().isNotEqualTo(PaymentMethod.COMP));
        approverPassword.disableProperty().bind(vm.methodProperty().isNotEqualTo(PaymentMethod.COMP));

        Label pending = new Label();
        pending.setId("payment-pending");
        pending.getStyleClass().add("message-text");
        pending.setWrapText(true);
        pending.setMaxWidth(560);
        pending.textProperty().bind(vm.pendingProperty());
        Label error = new Label();
        error.setId("payment-error");
        error.getStyleClass().add("error-text");
        error.textProperty().bind(vm.errorProperty());
        error.setMaxWidth(520);
        Button confirm = new Button("Confirm sale  ⏎");
        confirm.setId("confirm-payment");
        confirm.getStyleClass().addAll("primary", "big");
        confirm.setDefaultButton(true);
        confirm.disableProperty().bind(vm.busyProperty());
        confirm.setOnAction(e -> vm.confirm());
        Button cancel = new Button("Back to cart (Esc)");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> stage.close());
        HBox buttons = new HBox(10, cancel, confirm);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        VBox root = new VBox(14, total, new HBox(8, cash, card, comp, stripe), form, pending, error, buttons);
        root.setPadding(new Insets(18));
        root.getStyleClass().add("card");
        Scene scene = new Scene(root, 700, 470);
        scene.getStylesheets().setAll(stylesheets);
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.F2) {
                methods.selectToggle(cash);
            } else if (e.getCode() == KeyCode.F3) {
                methods.selectToggle(card);
                reference.requestFocus();
            } else if (e.getCode() == KeyCode.F4) {
                methods.selectToggle(comp);
            } else if (e.getCode() == KeyCode.F5) {
                methods.selectToggle(stripe);
            }
        });
        stage.setScene(scene);
        stage.setOnShown(e -> tendered.requestFocus());
    }

    private static ToggleButton method(String text, PaymentMethod m, ToggleGroup group, PaymentViewModel vm) {
        ToggleButton b = new ToggleButton(text);
        b.setToggleGroup(group);
        b.setId("method-" + m.name().toLowerCase());
        b.selectedProperty().addListener((o, a, on) -> {
            if (on) {
                vm.methodProperty().set(m);
            }
        });
        return b;
    }

    public void show() {
        stage.show();
    }

    public void close() {
        stage.close();
    }

    public Stage stage() {
        return stage;
    }
}
