package dev.curtain.desktop.ui.sale;

import dev.curtain.desktop.ui.common.Money;
import dev.curtain.desktop.ui.seatmap.SeatMapCanvas;
import dev.curtain.desktop.ui.seatmap.SeatMapModel;
import dev.curtain.desktop.ui.seatmap.SeatMapPalette;
import dev.curtain.model.venue.Category;
import dev.curtain.model.venue.Seat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/** The counter screen: seat map on the left, cart and payment on the right. Binds only. */
public final class SaleView extends BorderPane {

    private final SaleViewModel vm;
    private final SeatMapCanvas map = new SeatMapCanvas();
    private final Spinner<Integer> bestCount = new Spinner<>(1, 10, 2);
    private final ComboBox<String> bestCategory = new ComboBox<>();
    private final ToggleButton blockMode = new ToggleButton("Block seats");
    private final TextField blockReason = new TextField("house seats");
    private final Timeline ticker;

    public SaleView(SaleViewModel vm, SeatMapPalette palette, Consumer<SaleViewModel> pay) {
        this.vm = vm;
        getStyleClass().add("sale");
        map.setId("seat-map");
        map.setPalette(palette);
        vm.seatMapProperty().addListener((o, a, model) -> {
            map.setModel(model);
            setLegend(model);
            bestCategory.getItems().setAll(categoryChoices());
            bestCategory.getSelectionModel().selectFirst();
        });
        map.setTooltipText(this::tooltip);
        map.setOnSeatClicked(seat -> {
            if (blockMode.isSelected()) {
                toggleBlock(List.of(seat));
            } else {
                vm.toggleSeat(seat);
            }
        });
        map.setOnSeatsDragSelected(seats -> {
            if (blockMode.isSelected()) {
                toggleBlock(seats);
            } else {
                vm.addSeats(seats);
            }
        });
        map.setOnTableClicked(vm::holdTable);

        setTop(header());
        StackPane mapPane = new StackPane(map);
        mapPane.setMinSize(200, 200);
        BorderPane center = new BorderPane(mapPane);
        center.setBottom(legend);
        setCenter(center);
        setRight(cart(pay));

        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> {
            vm.tick();
            map.refresh();
        }));
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();
        vm.lines().addListener((ListChangeListener<CartLine>) c -> map.refresh());
    }

    public SeatMapCanvas seatMap() {
        return map;
    }

    public void setPalette(SeatMapPalette palette) {
        map.setPalette(palette);
    }

    public void bestFromKey(int count) {
        bestCount.getValueFactory().setValue(Math.max(1, Math.min(10, count)));
        vm.best(count, selectedCategory());
    }

    public void dispose() {
        ticker.stop();
        vm.close();
    }

    private Region header() {
        Label title = new Label();
        title.getStyleClass().add("title");
        title.textProperty().bind(vm.titleProperty());
        Label subtitle = new Label();
        subtitle.getStyleClass().add("subtitle");
        subtitle.textProperty().bind(vm.subtitleProperty());
        Label connection = new Label();
        connection.setId("connection");
        connection.getStyleClass().add("connection");
        vm.connectionProperty().addListener((o, a, state) -> showConnection(connection, state));
        showConnection(connection, vm.connectionProperty().get());
        Label message = new Label();
        message.setId("sale-message");
        message.getStyleClass().add("message-text");
        message.textProperty().bind(vm.messageProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        javafx.scene.control.ProgressIndicator working = new javafx.scene.control.ProgressIndicator();
        working.setMaxSize(22, 22);
        working.visibleProperty().bind(vm.busyProperty());
        HBox line = new HBox(12, new VBox(title, subtitle), gap, working, connection);
        line.setAlignment(Pos.CENTER_LEFT);
        VBox header = new VBox(4, line, message);
        header.setPadding(new Insets(10, 14, 6, 14));
        return header;
    }

    private static void showConnection(Label label, SaleViewModel.Connection state) {
        label.getStyleClass().removeAll("live", "connecting", "offline");
        switch (state) {
            case LIVE -> {
                label.setText("● Live");
                label.getStyleClass().add("live");
            }
            case CONNECTING -> {
                label.setText("Connecting…");
                label.getStyleClass().add("connecting");
            }
            case RECONNECTING -> {
                label.setText("Reconnecting…");
                label.getStyleClass().add("connecting");
            }
            case OFFLINE -> {
                label.setText("Offline");
                label.getStyleClass().add("offline");
            }
        }
    }

    private final FlowPane legend = new FlowPane();

    private void setLegend(SeatMapModel model) {
        legend.getChildren().clear();
        legend.getStyleClass().setAll("legend");
        legend.setHgap(14);
        legend.setVgap(4);
        legend.setPadding(new Insets(6, 12, 8, 12));
        for (Category c : model.venue().categories()) {
            Map<String, Long> prices = vm.event().prices().getOrDefault(c.id(), Map.of());
            String from = prices.values().stream().min(Long::compare).map(p -> Money.format(p, vm.event().currency())).orElse("");
            legend.getChildren().add(swatch(c.color(), c.name() + (from.isEmpty() ? "" : "  from " + from)));
        }
        legend.getChildren().addAll(swatch("#16a34a", "In your cart"), swatch("#f59e0b", "Held by others"),
                swatch("#4b5563", "Sold"), swatch("#111827", "Blocked"));
    }

    private static HBox swatch(String color, String text) {
        Region box = new Region();
        box.getStyleClass().add("legend-swatch");
        box.setStyle("-fx-background-color: " + color + ";");
        HBox item = new HBox(6, box, new Label(text));
        item.setAlignment(Pos.CENTER_LEFT);
        return item;
    }

    private Region cart(Consumer<SaleViewModel> pay) {
        Label heading = new Label("Cart");
        heading.getStyleClass().add("title");
        Label countdown = new Label();
        countdown.setId("countdown");
        countdown.getStyleClass().add("countdown");
        countdown.textProperty().bind(vm.countdown().textProperty());
        vm.countdown().warningProperty().addListener((o, a, warn) -> {
            if (warn) {
                countdown.getStyleClass().add("warning");
            } else {
                countdown.getStyleClass().remove("warning");
            }
        });
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox head = new HBox(heading, gap, countdown);
        head.setAlignment(Pos.CENTER_LEFT);

        ListView<CartLine> lines = new ListView<>(vm.lines());
        lines.setId("cart");
        lines.setPlaceholder(new Label("Click seats, or type a number for the best seats."));
        lines.setCellFactory(v -> {
            CartCell cell = new CartCell();
            cell.prefWidthProperty().bind(lines.widthProperty().subtract(18)); // no sideways scrolling
            return cell;
        });
        VBox.setVgrow(lines, Priority.ALWAYS);

        Label total = new Label();
        total.setId("total");
        total.getStyleClass().add("total-label");
        total.textProperty().bind(vm.totalTextProperty());

        bestCount.setPrefWidth(70);
        bestCount.setEditable(true);
        bestCategory.setPrefWidth(170);
        Button best = new Button("Take best seats");
        best.setId("best");
        best.setOnAction(e -> vm.best(bestCount.getValue(), selectedCategory()));
        Button next = new Button("Next best");
        next.setId("next-best");
        next.setOnAction(e -> vm.nextBest());
        best.setMinWidth(Button.USE_PREF_SIZE);
        next.setMinWidth(Button.USE_PREF_SIZE);
        HBox bestChoice = new HBox(6, new Label("Best"), bestCount, bestCategory);
        bestChoice.setAlignment(Pos.CENTER_LEFT);
        HBox bestButtons = new HBox(6, best, next);
        VBox bestRow = new VBox(6, bestChoice, bestButtons);

        Button extend = new Button("Extend");
        extend.setOnAction(e -> vm.extend());
        extend.disableProperty().bind(vm.countdown().runningProperty().not());
        Button release = new Button("Release");
        release.setId("release");
        release.getStyleClass().add("danger");
        release.setOnAction(e -> vm.release());
        release.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.lines()));
        Button payButton = new Button("Pay  ⏎");
        payButton.textProperty().bind(javafx.beans.binding.Bindings.when(vm.exchangeProperty().isNull())
                .then("Pay  ⏎").otherwise("Exchange  ⏎"));
        payButton.setId("pay");
        payButton.getStyleClass().addAll("primary", "big");
        payButton.setMaxWidth(Double.MAX_VALUE);
        payButton.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.lines()).or(vm.busyProperty()));
        payButton.setOnAction(e -> pay.accept(vm));
        HBox holdRow = new HBox(6, extend, release);

        Label exchangeNote = new Label();
        exchangeNote.getStyleClass().add("message-text");
        exchangeNote.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            ExchangeContext x = vm.exchangeProperty().get();
            return x == null ? "" : "Exchanging " + x.seatIds().size() + " seat(s) of booking " + x.booking().code()
                    + " (credit " + Money.format(x.creditMinor(), x.booking().currency()) + ")";
        }, vm.exchangeProperty()));
        VBox box = new VBox(10, head, exchangeNote, lines, total, bestRow, holdRow, payButton);
        if (vm.session().isManager()) {
            blockMode.setId("block-mode");
            blockReason.setPromptText("Reason");
            HBox managerRow = new HBox(6, blockMode, blockReason);
            managerRow.setAlignment(Pos.CENTER_LEFT);
            box.getChildren().add(managerRow);
        }
        box.getStyleClass().add("card");
        box.setPrefWidth(380);
        box.setMinWidth(320);
        BorderPane.setMargin(box, new Insets(0, 12, 12, 0));
        return box;
    }

    private void toggleBlock(List<Seat> seats) {
        SeatMapModel model = vm.seatMapProperty().get();
        List<Seat> blocked = seats.stream().filter(s -> model.display(s.id()) == SeatMapModel.Display.BLOCKED).toList();
        List<Seat> free = seats.stream().filter(s -> model.display(s.id()) == SeatMapModel.Display.AVAILABLE).toList();
        vm.unblock(blocked);
        vm.block(free, blockReason.getText().isBlank() ? "house seats" : blockReason.getText());
    }

    private String selectedCategory() {
        String choice = bestCategory.getValue();
        return choice == null || choice.startsWith("Best") ? null : choice;
    }

    private List<String> categoryChoices() {
        java.util.List<String> out = new java.util.ArrayList<>();
        out.add("Best available");
        vm.seatMapProperty().get().venue().categories().forEach(c -> out.add(c.id()));
        return out;
    }

    private String tooltip(Seat seat) {
        SeatMapModel model = vm.seatMapProperty().get();
        String category = model.venue().categories().stream().filter(c -> c.id().equals(seat.category()))
                .map(Category::name).findFirst().orElse(seat.category());
        Map<String, Long> prices = vm.event().prices().getOrDefault(seat.category(), Map.of());
        String price = prices.values().stream().max(Long::compare).map(p -> Money.format(p, vm.event().currency())).orElse("");
        String status = switch (model.display(seat.id())) {
            case AVAILABLE -> "Available";
            case MINE -> "In your cart";
            case HELD -> "Held by another sale";
            case SOLD -> "Sold";
            case BLOCKED -> "Blocked";
        };
        return seat.section() + " · Row " + seat.row() + " · Seat " + seat.number() + "\n" + category + " · " + price
                + " · " + status + (seat.accessible() ? "\nWheelchair space" : "") + (seat.restrictedView() ? "\nRestricted view" : "");
    }

    private static final class CartCell extends ListCell<CartLine> {
        @Override
        protected void updateItem(CartLine line, boolean empty) {
            super.updateItem(line, empty);
            if (empty || line == null) {
                setGraphic(null);
                return;
            }
            Label what = new Label(line.label());
            what.setWrapText(true);
            what.setMinWidth(60);
            ComboBox<String> type = new ComboBox<>();
            type.setPrefWidth(112);
            type.getItems().setAll(line.ticketTypes());
            type.valueProperty().bindBidirectional(line.ticketTypeProperty());
            Label price = new Label();
            price.textProperty().bind(line.priceProperty().asString().map(s -> Money.format(Long.parseLong(s), "")));
            price.setMinWidth(60);
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            HBox box = new HBox(8, what, gap, type, price);
            box.getStyleClass().add("cart-line");
            box.setAlignment(Pos.CENTER_LEFT);
            setGraphic(box);
        }
    }

}
