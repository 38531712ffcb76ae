package dev.curtain.desktop.ui.simulator;

import dev.curtain.desktop.client.LiveFeed;
import dev.curtain.desktop.simulator.LatencyRecorder;
import dev.curtain.desktop.simulator.LoadMode;
import dev.curtain.desktop.simulator.SimulationConfig;
import dev.curtain.desktop.simulator.Strategy;
import dev.curtain.desktop.simulator.ThroughputPoint;
import dev.curtain.desktop.ui.seatmap.SeatMapCanvas;
import dev.curtain.desktop.ui.seatmap.SeatMapPalette;
import java.io.File;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Duration;

/**
 * The simulator screen: settings across the top, the live dashboard in the middle, the performance's seat map
 * filling on the right. Binds only; the dashboard is pulled from the view model five times a second.
 */
public final class SimulatorView extends BorderPane {

    private final SimulatorViewModel vm;
    private final SeatMapCanvas map = new SeatMapCanvas();
    private final Timeline poll;
    private final TabPane tabs = new TabPane();

    public SimulatorView(SimulatorViewModel vm, SeatMapPalette palette) {
        this.vm = vm;
        getStyleClass().add("simulator");
        setTop(settings());
        setCenter(dashboard());
        setRight(seatMap(palette));
        poll = new Timeline(new KeyFrame(Duration.millis(200), e -> vm.refresh()));
        poll.setCycleCount(Timeline.INDEFINITE);
        vm.runningProperty().addListener((o, was, running) -> {
            if (running) {
                poll.play();
            } else {
                poll.stop();
            }
        });
        vm.reportProperty().addListener((o, a, report) -> {
            if (report != null) {
                tabs.getSelectionModel().select(1);
            }
        });
    }

    public SeatMapCanvas seatMap() {
        return map;
    }

    public void setPalette(SeatMapPalette palette) {
        map.setPalette(palette);
    }

    public void dispose() {
        poll.stop();
        vm.close();
    }

    // ---- settings ----

    private Region settings() {
        Label title = new Label("Concurrency simulator");
        title.getStyleClass().add("title");
        Label hint = new Label("Virtual buyers hold and buy seats on this server; the report ends with the server's integrity check.");
        hint.getStyleClass().add("muted");

        ComboBox<Strategy> strategy = new ComboBox<>();
        strategy.setId("sim-strategy");
        strategy.getItems().setAll(Strategy.values());
        strategy.valueProperty().bindBidirectional(vm.strategyProperty());
        strategy.setCellFactory(v -> strategyCell());
        strategy.setButtonCell(strategyCell());
        ComboBox<LoadMode> mode = new ComboBox<>();
        mode.setId("sim-mode");
        mode.getItems().setAll(LoadMode.values());
        mode.valueProperty().bindBidirectional(vm.modeProperty());
        Spinner<Integer> rate = spinner("sim-rate", 1, (int) SimulationConfig.MAX_RATE, vm.arrivalsPerSecondProperty());
        rate.disableProperty().bind(vm.modeProperty().isNotEqualTo(LoadMode.OPEN));
        ComboBox<SimulatorViewModel.TargetChoice> target = new ComboBox<>(vm.targets());
        target.setId("sim-target");
        target.setPrefWidth(320);
        target.valueProperty().bindBidirectional(vm.targetProperty());
        CheckBox undo = new CheckBox("Refund the simulated sales afterwards");
        undo.setId("sim-undo");
        undo.selectedProperty().bindBidirectional(vm.undoSalesProperty());
        undo.disableProperty().bind(vm.targetProperty().isEqualTo(SimulatorViewModel.TargetChoice.THROW_AWAY));

        Button start = new Button("Start");
        start.setId("sim-start");
        start.getStyleClass().add("primary");
        start.setOnAction(e -> vm.start());
        start.disableProperty().bind(vm.runningProperty());
        Button stop = new Button("Stop");
        stop.setId("sim-stop");
        stop.getStyleClass().add("danger");
        stop.setOnAction(e -> vm.stop());
        stop.disableProperty().bind(vm.runningProperty().not());

        FlowPane fields = new FlowPane(14, 8,
                field("Users", spinner("sim-users", 1, SimulationConfig.MAX_USERS, vm.usersProperty())),
                field("Seats on offer", spinner("sim-seats", 1, SimulationConfig.MAX_SEATS, vm.seatsProperty())),
                field("Seats each", spinner("sim-seats-per-user", 1, SimulationConfig.MAX_SEATS_PER_USER, vm.seatsPerUserProperty())),
                field("Strategy", strategy),
                field("Load", mode),
                field("Arrivals/s", rate),
                field("Seconds", spinner("sim-duration", 1, (int) SimulationConfig.MAX_DURATION.toSeconds(), vm.durationSecondsProperty())),
                field("Performance", target),
                field(" ", new HBox(8, undo)),
                field(" ", new HBox(8, start, stop)));
        fields.setAlignment(Pos.BOTTOM_LEFT);

        ProgressBar progress = new ProgressBar();
        progress.setId("sim-progress");
        progress.progressProperty().bind(vm.progressProperty());
        progress.setPrefWidth(260);
        Label status = label("sim-status", vm.statusProperty());
        Label message = label("sim-message", vm.messageProperty());
        message.getStyleClass().add("error-text");
        HBox progressRow = new HBox(12, progress, status, message);
        progressRow.setAlignment(Pos.CENTER_LEFT);

        VBox top = new VBox(8, new VBox(2, title, hint), fields, progressRow);
        top.setPadding(new Insets(12, 14, 8, 14));
        return top;
    }

    private static ListCell<Strategy> strategyCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(Strategy s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : s.label() + " — " + s.description());
            }
        };
    }

    private static Spinner<Integer> spinner(String id, int min, int max, ObjectProperty<Integer> value) {
        Spinner<Integer> spinner = new Spinner<>(min, max, value.get());
        spinner.setId(id);
        spinner.setEditable(true);
        spinner.setPrefWidth(96);
        spinner.getValueFactory().valueProperty().bindBidirectional(value);
        return spinner;
    }

    private static VBox field(String caption, Node control) {
        Label label = new Label(caption);
        label.getStyleClass().add("muted");
        return new VBox(3, label, control);
    }

    // ---- dashboard ----

    private Region dashboard() {
        FlowPane figures = new FlowPane(18, 6,
                figure("Hold attempts", "sim-attempts", vm.attemptsProperty()),
                figure("Holds", "sim-holds", vm.holdsProperty()),
                figure("Conflicts", "sim-conflicts", vm.conflictsProperty()),
                figure("Sales", "sim-sales", vm.salesProperty()),
                figure("Errors", "sim-errors", vm.errorsProperty()),
                figure("Users at work / done", "sim-users-active", vm.activeUsersProperty()));
        Label latencyDetail = label("sim-latency-detail", vm.latencyDetailProperty());
        latencyDetail.getStyleClass().add("muted");
        FlowPane latency = new FlowPane(18, 6,
                figure("p50 latency", "sim-p50", vm.p50Property()),
                figure("p95", "sim-p95", vm.p95Property()),
                figure("p99", "sim-p99", vm.p99Property()),
                latencyDetail);
        latency.setAlignment(Pos.BOTTOM_LEFT);

        HBox charts = new HBox(10, throughputChart(), histogramChart());
        charts.setPrefHeight(250);
        charts.setMinHeight(180);
        charts.getChildren().forEach(c -> HBox.setHgrow(c, Priority.ALWAYS));

        ListView<String> log = new ListView<>(vm.log());
        log.setId("sim-log");
        log.setPlaceholder(new Label("What the virtual users do appears here."));
        vm.log().addListener((ListChangeListener<String>) c -> {
            if (!vm.log().isEmpty()) {
                log.scrollTo(vm.log().size() - 1);
            }
        });
        TextArea report = new TextArea();
        report.setId("sim-report");
        report.setEditable(false);
        report.setStyle("-fx-font-family: 'DejaVu Sans Mono', monospace;");
        report.textProperty().bind(vm.reportTextProperty());
        Button json = new Button("Export JSON…");
        json.setId("sim-export-json");
        json.setOnAction(e -> choose("curtain-simulation.json", "JSON", "*.json", vm::exportJson));
        Button csv = new Button("Export CSV…");
        csv.setId("sim-export-csv");
        csv.setOnAction(e -> choose("curtain-simulation.csv", "CSV", "*.csv", vm::exportCsv));
        json.disableProperty().bind(vm.reportProperty().isNull());
        csv.disableProperty().bind(vm.reportProperty().isNull());
        VBox.setVgrow(report, Priority.ALWAYS);
        VBox reportBox = new VBox(8, report, new HBox(8, json, csv));
        reportBox.setPadding(new Insets(8, 0, 0, 0));
        tabs.getTabs().setAll(new Tab("Event log", log), new Tab("Report", reportBox));
        tabs.getTabs().forEach(t -> t.setClosable(false));
        tabs.setMinHeight(140);
        VBox.setVgrow(tabs, Priority.ALWAYS);

        VBox box = new VBox(8, figures, latency, charts, tabs);
        box.getStyleClass().add("card");
        BorderPane.setMargin(box, new Insets(0, 8, 12, 12));
        return box;
    }

    private static VBox figure(String caption, String id, StringProperty value) {
        Label number = label(id, value);
        number.setStyle("-fx-font-size: 16px; -fx-font-weight: bold;");
        Label label = new Label(caption);
        label.getStyleClass().add("muted");
        return new VBox(2, number, label);
    }

    private Node throughputChart() {
        NumberAxis x = new NumberAxis();
        x.setLabel("second");
        x.setForceZeroInRange(true);
        x.setMinorTickVisible(false);
        NumberAxis y = new NumberAxis();
        y.setLabel("/ s");
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setId("sim-throughput");
        chart.setTitle("Throughput");
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setLegendSide(javafx.geometry.Side.RIGHT);
        List<ToLongFunction<ThroughputPoint>> values = List.of(ThroughputPoint::attempts, ThroughputPoint::holds,
                ThroughputPoint::sales, ThroughputPoint::conflicts);
        List<String> names = List.of("hold attempts", "holds", "sales", "conflicts");
        for (String name : names) {
            XYChart.Series<Number, Number> series = new XYChart.Series<>();
            series.setName(name);
            chart.getData().add(series);
        }
        follow(vm.throughput(), chart.getData(), values.stream()
                .<Function<ThroughputPoint, XYChart.Data<Number, Number>>>map(v -> p -> new XYChart.Data<>(p.second(), v.applyAsLong(p)))
                .toList());
        chart.setMinWidth(220);
        return chart;
    }

    private Node histogramChart() {
        CategoryAxis x = new CategoryAxis();
        x.setLabel("ms, up to");
        NumberAxis y = new NumberAxis();
        y.setLabel("requests");
        BarChart<String, Number> chart = new BarChart<>(x, y);
        chart.setId("sim-histogram");
        chart.setTitle("Latency, all requests");
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setCategoryGap(3);
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        chart.getData().add(series);
        follow(vm.histogram(), chart.getData(), List.of(bar -> new XYChart.Data<>(upTo(bar), bar.count())));
        chart.setMinWidth(220);
        return chart;
    }

    /** Short enough to stand upright under a bar: "5", "200", "1k", "more". */
    private static String upTo(LatencyRecorder.Bar bar) {
        if (bar.toMs() == null) {
            return "more";
        }
        double ms = bar.toMs();
        return ms >= 1000 ? (long) (ms / 1000) + "k" : Long.toString((long) ms);
    }

    /**
     * Keeps a chart's points in step with a list, point by point (item i is point i of each series): points are
     * moved rather than replaced, so that a chart refreshed several times a second does not flicker.
     */
    private static <T, X, Y> void follow(ObservableList<T> source, List<XYChart.Series<X, Y>> series,
                                         List<Function<T, XYChart.Data<X, Y>>> points) {
        source.addListener((ListChangeListener<T>) c -> {
            while (c.next()) {
                for (int s = 0; s < series.size(); s++) {
                    ObservableList<XYChart.Data<X, Y>> data = series.get(s).getData();
                    if (data.size() > c.getList().size()) {
                        data.remove(c.getList().size(), data.size());
                    }
                    for (int i = c.getFrom(); i < c.getTo(); i++) {
                        XYChart.Data<X, Y> point = points.get(s).apply(c.getList().get(i));
                        if (i < data.size()) {
                            data.get(i).setXValue(point.getXValue());
                            data.get(i).setYValue(point.getYValue());
                        } else {
                            data.add(point);
                        }
                    }
                }
            }
        });
    }

    // ---- seat map ----

    private Region seatMap(SeatMapPalette palette) {
        map.setId("sim-seat-map");
        map.setPalette(palette);
        vm.seatMapProperty().addListener((o, a, model) -> map.setModel(model));
        Label caption = label("sim-map-title", vm.mapTitleProperty());
        caption.setWrapText(true);
        caption.setMinHeight(Region.USE_PREF_SIZE);
        Label connection = new Label();
        connection.getStyleClass().add("connection");
        vm.liveProperty().addListener((o, a, state) -> showConnection(connection, state));
        showConnection(connection, vm.liveProperty().get());
        StackPane pane = new StackPane(map);
        pane.setMinSize(200, 200);
        VBox.setVgrow(pane, Priority.ALWAYS);
        VBox box = new VBox(8, caption, connection, pane);
        box.getStyleClass().add("card");
        box.setPrefWidth(380);
        box.setMinWidth(260);
        BorderPane.setMargin(box, new Insets(0, 12, 12, 0));
        return box;
    }

    private static void showConnection(Label label, LiveFeed.State state) {
        label.getStyleClass().removeAll("live", "connecting", "offline");
        boolean live = state == LiveFeed.State.LIVE;
        label.setText(live ? "● Live" : state == LiveFeed.State.CLOSED ? "Not watching" : "Connecting…");
        label.getStyleClass().add(live ? "live" : state == LiveFeed.State.CLOSED ? "offline" : "connecting");
    }

    // ---- helpers ----

    private static Label label(String id, StringProperty text) {
        Label label = new Label();
        label.setId(id);
        label.textProperty().bind(text);
        return label;
    }

    private void choose(String name, String kind, String pattern, Consumer<java.nio.file.Path> export) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the simulation report");
        chooser.setInitialFileName(name);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, pattern));
        File file = chooser.showSaveDialog(getScene().getWindow());
        if (file != null) {
            export.accept(file.toPath());
        }
    }
}
