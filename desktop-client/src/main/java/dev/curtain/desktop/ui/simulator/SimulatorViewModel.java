package dev.curtain.desktop.ui.simulator;

import dev.curtain.desktop.client.LiveConnection;
import dev.curtain.desktop.client.LiveFeed;
import dev.curtain.desktop.simulator.LatencyRecorder;
import dev.curtain.desktop.simulator.LoadMode;
import dev.curtain.desktop.simulator.LogEntry;
import dev.curtain.desktop.simulator.ReportFormats;
import dev.curtain.desktop.simulator.Simulation;
import dev.curtain.desktop.simulator.SimulationConfig;
import dev.curtain.desktop.simulator.SimulationListener;
import dev.curtain.desktop.simulator.SimulationReport;
import dev.curtain.desktop.simulator.SimulationSnapshot;
import dev.curtain.desktop.simulator.Strategy;
import dev.curtain.desktop.simulator.ThroughputPoint;
import dev.curtain.desktop.ui.common.ProblemMessages;
import dev.curtain.desktop.ui.common.Session;
import dev.curtain.desktop.ui.common.UiDispatcher;
import dev.curtain.desktop.ui.seatmap.LiveSeatMap;
import dev.curtain.desktop.ui.seatmap.SeatMapModel;
import dev.curtain.model.event.Event;
import dev.curtain.model.venue.Venue;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The manager's concurrency simulator: the run's settings, its live dashboard (figures, throughput, latency
 * percentiles and histogram, event log, progress), the performance's seat map filling live, and the report.
 * The dashboard is pulled from the engine by {@link #refresh()} several times a second rather than pushed once
 * per request; the engine's own callbacks come through the UI dispatcher.
 */
public final class SimulatorViewModel {

    /** Keeps the screen's event log short; the engine keeps its own bounded queue. */
    public static final int LOG_LINES = 1_000;
    private static final int LOG_TAKE_PER_REFRESH = 400;

    /** A choice of performance: a fresh throw-away one (event null) or an existing one. */
    public record TargetChoice(String label, Event event) {
        public static final TargetChoice THROW_AWAY = new TargetChoice("A new throw-away performance", null);

        @Override
        public String toString() {
            return label;
        }
    }

    private final Session session;
    private final UiDispatcher ui;
    private final Clock clock;
    private final BiFunction<SimulationConfig, SimulationListener, Simulation> engine;
    private final BiFunction<Supplier<String>, LiveFeed.Listener, LiveConnection> feeds;

    // settings
    private final ObjectProperty<Integer> users = new SimpleObjectProperty<>(200);
    private final ObjectProperty<Integer> seats = new SimpleObjectProperty<>(50);
    private final ObjectProperty<Integer> seatsPerUser = new SimpleObjectProperty<>(2);
    private final ObjectProperty<Strategy> strategy = new SimpleObjectProperty<>(Strategy.RUSH);
    private final ObjectProperty<LoadMode> mode = new SimpleObjectProperty<>(LoadMode.CLOSED);
    private final ObjectProperty<Integer> arrivalsPerSecond = new SimpleObjectProperty<>(50);
    private final ObjectProperty<Integer> durationSeconds = new SimpleObjectProperty<>(30);
    private final ObjectProperty<TargetChoice> target = new SimpleObjectProperty<>(TargetChoice.THROW_AWAY);
    private final ObservableList<TargetChoice> targets = FXCollections.observableArrayList(TargetChoice.THROW_AWAY);
    private final BooleanProperty undoSales = new SimpleBooleanProperty(false);

    // the run
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final StringProperty status = new SimpleStringProperty("Choose the load and press Start.");
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty attempts = new SimpleStringProperty("0");
    private final StringProperty holds = new SimpleStringProperty("0");
    private final StringProperty conflicts = new SimpleStringProperty("0");
    private final StringProperty sales = new SimpleStringProperty("0");
    private final StringProperty errors = new SimpleStringProperty("0");
    private final StringProperty activeUsers = new SimpleStringProperty("0");
    private final StringProperty p50 = new SimpleStringProperty("–");
    private final StringProperty p95 = new SimpleStringProperty("–");
    private final StringProperty p99 = new SimpleStringProperty("–");
    private final StringProperty latencyDetail = new SimpleStringProperty("");
    private final ObservableList<ThroughputPoint> throughput = FXCollections.observableArrayList();
    private final ObservableList<LatencyRecorder.Bar> histogram = FXCollections.observableArrayList();
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final ObjectProperty<SeatMapModel> seatMap = new SimpleObjectProperty<>();
    private final StringProperty mapTitle = new SimpleStringProperty("The performance's seat map appears here.");
    private final ObjectProperty<LiveFeed.State> live = new SimpleObjectProperty<>(LiveFeed.State.CLOSED);
    private final ObjectProperty<SimulationReport> report = new SimpleObjectProperty<>();
    private final StringProperty reportText = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");

    private Simulation simulation;
    private LiveSeatMap liveMap;
    private final List<LogEntry> drained = new ArrayList<>();

    public SimulatorViewModel(Session session, UiDispatcher ui, Clock clock,
                              BiFunction<Supplier<String>, LiveFeed.Listener, LiveConnection> feeds) {
        this(session, ui, clock, feeds, (config, listener) -> new Simulation(config, session.client(), listener, clock));
    }

    public SimulatorViewModel(Session session, UiDispatcher ui, Clock clock,
                              BiFunction<Supplier<String>, LiveFeed.Listener, LiveConnection> feeds,
                              BiFunction<SimulationConfig, SimulationListener, Simulation> engine) {
        this.session = session;
        this.ui = ui;
        this.clock = clock;
        this.feeds = feeds;
        this.engine = engine;
    }

    /** The performances a run may aim at, after the throw-away choice. */
    public void setPerformances(List<Event> events) {
        TargetChoice chosen = target.get();
        List<TargetChoice> choices = new ArrayList<>();
        choices.add(TargetChoice.THROW_AWAY);
        events.forEach(e -> choices.add(new TargetChoice(e.title() + " · " + e.venueName() + " · " + e.startsAt(), e)));
        targets.setAll(choices);
        target.set(choices.stream().filter(c -> c.equals(chosen)).findFirst().orElse(TargetChoice.THROW_AWAY));
    }

    // ---- start and stop ----

    public SimulationConfig config() {
        TargetChoice t = target.get();
        return SimulationConfig.builder(session.client().baseUrl())
                .users(users.get()).seats(seats.get()).seatsPerUser(seatsPerUser.get())
                .strategy(strategy.get()).mode(mode.get()).arrivalsPerSecond(arrivalsPerSecond.get())
                .duration(Duration.ofSeconds(durationSeconds.get()))
                .eventId(t == null || t.event() == null ? null : t.event().id())
                .undoSales(undoSales.get()).seed(clock.millis())
                .build();
    }

    public void start() {
        if (running.get()) {
            return;
        }
        SimulationConfig config;
        try {
            config = config();
        } catch (IllegalArgumentException e) {
            message.set("Check the settings: " + e.getMessage() + ".");
            return;
        }
        reset();
        running.set(true);
        status.set("Preparing the performance…");
        simulation = engine.apply(config, new Callbacks());
        simulation.start();
    }

    public void stop() {
        if (simulation != null && running.get()) {
            status.set("Stopping: users finish their step, their holds are released, then the check runs…");
            simulation.stop();
        }
    }

    private void reset() {
        closeLiveMap();
        message.set("");
        report.set(null);
        reportText.set("");
        progress.set(0);
        throughput.clear();
        histogram.clear();
        log.clear();
        seatMap.set(null);
    }

    /** The engine's callbacks, on its threads: everything for the screen goes through the dispatcher. */
    private final class Callbacks implements SimulationListener {
        @Override
        public void prepared(Event event, Venue venue, List<String> seatsOffered) {
            SeatMapModel model = new SeatMapModel(venue); // built here, off the UI thread: big venues take a moment
            ui.run(() -> showMap(event, model, seatsOffered.size()));
        }

        @Override
        public void finished(SimulationReport done) {
            ui.run(() -> {
                refresh();
                apply(done.figures());
                running.set(false);
                status.set(done.passed() ? "Done — integrity check OK." : "Done — integrity check " + done.integrityText());
                reportText.set(ReportFormats.text(done));
                report.set(done);
            });
        }

        @Override
        public void failed(Throwable error) {
            ui.run(() -> {
                refresh();
                running.set(false);
                status.set("The simulation could not run.");
                message.set(ProblemMessages.describe(error));
            });
        }
    }

    private void showMap(Event event, SeatMapModel model, int offered) {
        seatMap.set(model);
        mapTitle.set(event.title() + "\n" + offered + " seats on offer, filling live");
        // The model may be painted from the feed's own thread; only the connection state needs the UI thread.
        liveMap = new LiveSeatMap(seatMap::get, LiveSeatMap.Ownership.NONE, new LiveSeatMap.Listener() {
            @Override
            public void connection(LiveFeed.State state) {
                ui.run(() -> live.set(state));
            }
        });
        liveMap.connect(feeds, () -> session.client().liveUrl(event.id()), UiDispatcher.DIRECT);
    }

    // ---- the dashboard ----

    /** Pulls the engine's figures and new log lines; the view calls it several times a second. */
    public void refresh() {
        Simulation s = simulation;
        if (s == null) {
            return;
        }
        SimulationSnapshot snapshot = s.snapshot();
        apply(snapshot);
        drained.clear();
        s.drainLog(drained, LOG_TAKE_PER_REFRESH);
        if (!drained.isEmpty()) {
            log.addAll(drained.stream().map(LogEntry::toString).toList());
            if (log.size() > LOG_LINES) {
                log.remove(0, log.size() - LOG_LINES);
            }
        }
        if (running.get()) {
            status.set(switch (snapshot.phase()) {
                case PREPARING -> "Preparing the performance…";
                case RUNNING -> String.format(Locale.ROOT, "Running: %.0f s, %d of %d users done, %d at work",
                        snapshot.elapsedMillis() / 1000.0, snapshot.usersFinished(), snapshot.users(), snapshot.activeUsers());
                case STOPPING -> "Releasing the holds left behind…";
                case CHECKING -> "Asking the server for its integrity check…";
                case DONE -> "Done.";
            });
        }
    }

    private void apply(SimulationSnapshot s) {
        progress.set(s.progress());
        attempts.set(Long.toString(s.attempts()));
        holds.set(Long.toString(s.holds()));
        conflicts.set(Long.toString(s.conflicts()));
        sales.set(s.sales() + " (" + s.seatsSold() + " seats)");
        errors.set(Long.toString(s.errors()));
        activeUsers.set(s.activeUsers() + " / " + s.usersFinished() + " of " + s.users());
        LatencyRecorder.Summary all = s.latencyOf("all");
        p50.set(ms(all.p50Ms(), all.count()));
        p95.set(ms(all.p95Ms(), all.count()));
        p99.set(ms(all.p99Ms(), all.count()));
        LatencyRecorder.Summary hold = s.latencyOf("hold");
        LatencyRecorder.Summary confirm = s.latencyOf("confirm");
        latencyDetail.set("hold p95 " + ms(hold.p95Ms(), hold.count()) + " · confirm p95 " + ms(confirm.p95Ms(), confirm.count())
                + " · " + all.count() + " requests");
        sync(throughput, s.throughput());
        sync(histogram, s.histogram());
    }

    /** Changes only what changed, so that charts move their points instead of redrawing everything. */
    private static <T> void sync(ObservableList<T> shown, List<T> now) {
        if (shown.size() > now.size()) {
            shown.remove(now.size(), shown.size());
        }
        for (int i = 0; i < shown.size(); i++) {
            if (!shown.get(i).equals(now.get(i))) {
                shown.set(i, now.get(i));
            }
        }
        if (now.size() > shown.size()) {
            shown.addAll(now.subList(shown.size(), now.size()));
        }
    }

    private static String ms(double value, long count) {
        return count == 0 ? "–" : String.format(Locale.ROOT, "%.1f ms", value);
    }

    // ---- the report ----

    public void exportJson(Path file) {
        export(file, () -> ReportFormats.writeJson(report.get(), file));
    }

    public void exportCsv(Path file) {
        export(file, () -> ReportFormats.writeCsv(report.get(), file));
    }

    private interface Write {
        void write() throws IOException;
    }

    private void export(Path file, Write write) {
        if (report.get() == null) {
            message.set("Run a simulation first: there is no report yet.");
            return;
        }
        try {
            write.write();
            message.set("Report saved to " + file);
        } catch (IOException e) {
            message.set("The report could not be saved to " + file + ": " + e.getMessage());
        }
    }

    /** Leaving the screen for good (sign-out): the run stops and the live map closes. */
    public void close() {
        if (simulation != null && simulation.isRunning()) {
            simulation.stop();
        }
        closeLiveMap();
    }

    private void closeLiveMap() {
        if (liveMap != null) {
            liveMap.close();
            liveMap = null;
        }
    }

    // ---- properties ----

    public ObjectProperty<Integer> usersProperty() {
        return users;
    }

    public ObjectProperty<Integer> seatsProperty() {
        return seats;
    }

    public ObjectProperty<Integer> seatsPerUserProperty() {
        return seatsPerUser;
    }

    public ObjectProperty<Strategy> strategyProperty() {
        return strategy;
    }

    public ObjectProperty<LoadMode> modeProperty() {
        return mode;
    }

    public ObjectProperty<Integer> arrivalsPerSecondProperty() {
        return arrivalsPerSecond;
    }

    public ObjectProperty<Integer> durationSecondsProperty() {
        return durationSeconds;
    }

    public ObjectProperty<TargetChoice> targetProperty() {
        return target;
    }

    public ObservableList<TargetChoice> targets() {
        return targets;
    }

    public BooleanProperty undoSalesProperty() {
        return undoSales;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty attemptsProperty() {
        return attempts;
    }

    public StringProperty holdsProperty() {
        return holds;
    }

    public StringProperty conflictsProperty() {
        return conflicts;
    }

    public StringProperty salesProperty() {
        return sales;
    }

    public StringProperty errorsProperty() {
        return errors;
    }

    public StringProperty activeUsersProperty() {
        return activeUsers;
    }

    public StringProperty p50Property() {
        return p50;
    }

    public StringProperty p95Property() {
        return p95;
    }

    public StringProperty p99Property() {
        return p99;
    }

    public StringProperty latencyDetailProperty() {
        return latencyDetail;
    }

    public ObservableList<ThroughputPoint> throughput() {
        return throughput;
    }

    public ObservableList<LatencyRecorder.Bar> histogram() {
        return histogram;
    }

    public ObservableList<String> log() {
        return log;
    }

    public ObjectProperty<SeatMapModel> seatMapProperty() {
        return seatMap;
    }

    public StringProperty mapTitleProperty() {
        return mapTitle;
    }

    public ObjectProperty<LiveFeed.State> liveProperty() {
        return live;
    }

    public ObjectProperty<SimulationReport> reportProperty() {
        return report;
    }

    public StringProperty reportTextProperty() {
        return reportText;
    }

    public StringProperty messageProperty() {
        return message;
    }
}
