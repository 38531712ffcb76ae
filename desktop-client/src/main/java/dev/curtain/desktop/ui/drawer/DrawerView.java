package dev.curtain.desktop.ui.drawer;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

public final class DrawerView extends VBox {

    public DrawerView(DrawerViewModel vm) {
        super(12);
        setPadding(new Insets(16));
        Label title = new Label("Cash drawer");
        title.getStyleClass().add("title");
        Label summary = new Label();
        summary.setId("drawer-summary");
        summary.setStyle("-fx-font-size: 16px;");
        summary.textProperty().bind(vm.summaryProperty());
        TextField floatField = new TextField();
        floatField.setId("drawer-float");
        floatField.setPromptText("Float, e.g. 150.00");
        floatField.textProperty().bindBidirectional(vm.floatTextProperty());
        Button open = new Button("Open drawer");
        open.setId("drawer-open");
        open.getStyleClass().add("primary");
        open.setOnAction(e -> vm.open());
        HBox openRow = new HBox(8, floatField, open);
        openRow.setAlignment(Pos.CENTER_LEFT);
        openRow.visibleProperty().bind(vm.sessionProperty().isNull());
        openRow.managedProperty().bind(openRow.visibleProperty());
        TextField counted = new TextField();
        counted.setId("drawer-counted");
        counted.setPromptText("Counted cash");
        counted.textProperty().bindBidirectional(vm.countedTextProperty());
        Button close = new Button("Close drawer (cash-up)");
        close.setId("drawer-close");
        close.setOnAction(e -> vm.close());
        HBox closeRow = new HBox(8, counted, close);
        closeRow.setAlignment(Pos.CENTER_LEFT);
        closeRow.visibleProperty().bind(vm.sessionProperty().isNotNull());
        closeRow.managedProperty().bind(closeRow.visibleProperty());
        Label message = new Label();
        message.setId("drawer-message");
        message.getStyleClass().add("message-text");
        message.textProperty().bind(vm.messageProperty());
        VBox card = new VBox(12, summary, openRow, closeRow, message);
        card.getStyleClass().add("card");
        getChildren().addAll(title, card);
    }
}
