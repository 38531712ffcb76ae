package dev.curtain.desktop.ui.sale;

import dev.curtain.desktop.client.CurtainClient;
import dev.curtain.desktop.client.LiveConnection;
import dev.curtain.desktop.client.LiveFeed;
import dev.curtain.desktop.ui.common.BackgroundTasks;
import dev.curtain.desktop.ui.common.Money;
import dev.curtain.desktop.ui.common.Notifier;
import dev.curtain.desktop.ui.common.ProblemMessages;
import dev.curtain.desktop.ui.common.Session;
import dev.curtain.desktop.ui.common.UiDispatcher;
import dev.curtain.desktop.ui.seatmap.LiveSeatMap;
import dev.curtain.desktop.ui.seatmap.SeatMapModel;
import dev.curtain.model.booking.Booking;
import dev.curtain.model.event.Event;
import dev.curtain.model.hold.BestRequest;
import dev.curtain.model.hold.Hold;
import dev.curtain.model.hold.HoldRequest;
import dev.curtain.model.live.LiveSeatState;
import dev.curtain.model.live.SeatChange;
import dev.curtain.model.live.SeatDelta;
import dev.curtain.model.live.SeatSnapshot;
import dev.curtain.model.live.SeatStatus;
import dev.curtain.model.venue.Seat;
import dev.curtain.model.venue.SeatTable;
import dev.curtain.model.venue.Venue;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One counter sale of one performance: the live seat map, the cart (a server-side hold that grows
 * and shrinks with every click), the hold's countdown, and the way to payment.
 */
public final class SaleViewModel {

    public enum Connection { CONNECTING, LIVE, RECONNECTING, OFFLINE }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm");

    private final Session session;
    private final CurtainClient client;
    private final BackgroundTasks tasks;
    private final UiDispatcher ui;
    private final Notifier notifier;
    private final Clock clock;
    private final BiFunction<Supplier<String>, LiveFeed.Listener, LiveConnection> feeds;

    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty subtitle = new SimpleStringProperty("");
    private final ObjectProperty<SeatMapModel> seatMap = new SimpleObjectProperty<>();
    private final ObservableList<CartLine> lines = FXCollections.observableArrayList();
    private final LongProperty total = new SimpleLongProperty(0);
    private final StringProperty totalText = new SimpleStringProperty("");
    private final ObjectProperty<Connection> connection = new SimpleObjectProperty<>(Connection.CONNECTING);
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final ObjectProperty<Booking> lastSale = new SimpleObjectProperty<>();
    private final HoldCountdown countdown;
    private final ObjectProperty<ExchangeContext> exchange = new SimpleObjectProperty<>();

    private final LiveCart cart = new LiveCart();
    private final LiveSeatMap liveMap = new LiveSeatMap(seatMap::get, cart, cart);
    private Event event;
    private Hold hold;
    private BestRequest lastBest;

    public SaleViewModel(Session session, BackgroundTasks tasks, UiDispatcher ui, Notifier notifier, Clock clock,
                         BiFunction<Supplier<String>, LiveFeed.Listener, LiveConnection> feeds) {
        this.session = session;
        this.client = session.client();
        this.tasks = tasks;
        this.ui = ui;
        this.notifier = notifier;
        this.clock = clock;
        this.feeds = feeds;
        this.countdown = new HoldCountdown(clock);
    }

    // ---- opening a performance ----

    public void open(String eventId) {
        busy.set(true);
        message.set("Loading the seat map…");
        record Loaded(Event event, Venue venue) {
        }
        tasks.run(() -> {
            Event e = client.event(eventId);
            return new Loaded(e, client.venue(e.venueId()));
        }, loaded -> {
            busy.set(false);
            message.set("");
            event = loaded.event();
            title.set(event.title());
            subtitle.set(loaded.venue().name() + " · " + WHEN.format(event.startsAt().atZone(ZoneId.systemDefault())));
            seatMap.set(new SeatMapModel(loaded.venue()));
            connectLive();
        }, failure -> {
            busy.set(false);
            message.set(ProblemMessages.describe(failure));
        });
    }

    private void connectLive() {
        liveMap.connect(feeds, () -> client.liveUrl(event.id()), ui);
    }

    /** What the live map tells this sale: the cart may have to be picked up, or may have been lost. */
    private final class LiveCart implements LiveSeatMap.Ownership, LiveSeatMap.Listener {
        @Override
        public boolean ownsSeat(String seatId) {
            return hold != null && hold.seatIds().contains(seatId);
        }

        @Override
        public boolean ownsHold(String holdId) {
            return hold != null && hold.holdId().equals(holdId);
        }

        @Override
        public void snapshot(SeatSnapshot snapshot) {
            if (seatMap.get() == null) {
                return;
            }
            if (hold == null && snapshot.mine() != null && !snapshot.mine().isEmpty()) {
                // A restarted terminal picks up the cart it was building.
                setHold(snapshot.mine().get(0));
            }
            if (hold != null && !snapshot.held().containsAll(hold.seatIds())) {
                holdLost();
            }
        }

        @Override
        public void changed(SeatDelta delta) {
            boolean lostMine = false;
            for (SeatChange c : delta.changes()) {
                if (hold != null && c.status() != SeatStatus.HELD && c.status() != SeatStatus.SOLD
                        && hold.seatIds().contains(c.seatId()) && !busy.get()) {
                    lostMine = true;
                }
            }
            if (lostMine) {
                refreshHold();
            }
        }

        @Override
        public void connection(LiveFeed.State state) {
            SaleViewModel.this.connection.set(switch (state) {
                case CONNECTING -> Connection.CONNECTING;
                case LIVE -> Connection.LIVE;
                case RECONNECTING -> Connection.RECONNECTING;
                case CLOSED -> Connection.OFFLINE;
            });
        }
    }

    // ---- building the cart ----

    public void toggleSeat(Seat seat) {
        if (event == null) {
            return;
        }
        if (hold != null && hold.seatIds().contains(seat.id())) {
            String holdId = hold.holdId();
            run(() -> client.removeSeat(holdId, seat.id()).orElse(null), this::setHold);
        } else if (seatMap.get().display(seat.id()) == SeatMapModel.Display.AVAILABLE) {
            addSeats(List.of(seat));
        } else {
            message.set(describe(seat) + " is not available.");
        }
    }

    public void addSeats(List<Seat> seats) {
        List<String> ids = seats.stream().map(Seat::id)
                .filter(id -> seatMap.get().display(id) == SeatMapModel.Display.AVAILABLE)
                .filter(id -> hold == null || !hold.seatIds().contains(id)).toList();
        if (ids.isEmpty()) {
            return;
        }
        if (hold == null) {
            run(() -> client.hold(event.id(), HoldRequest.seats(ids)), this::setHold);
        } else {
            String holdId = hold.holdId();
            run(() -> client.addSeats(holdId, ids), this::setHold);
        }
    }

    public void holdTable(SeatTable table) {
        if (event == null || hold != null) {
            message.set(hold != null ? "Finish or release the current cart before taking a whole table." : "");
            return;
        }
        run(() -> client.hold(event.id(), HoldRequest.table(table.id())), this::setHold);
    }

    /** "Best N": replaces the cart with the best N seats together (in a category, or the best with room). */
    public void best(int count, String category) {
        if (event == null || count < 1) {
            return;
        }
        lastBest = new BestRequest(count, category, null, null);
        BestRequest request = lastBest;
        String previous = hold == null ? null : hold.holdId();
        run(() -> {
            if (previous != null) {
                client.release(previous);
            }
            return client.hold(event.id(), HoldRequest.best(request));
        }, this::setHold);
    }

    /** The next best block: a different one, swapped in one step on the server. */
    public void nextBest() {
        if (hold == null || lastBest == null) {
            message.set("Ask for best seats first (type a number).");
            return;
        }
        String holdId = hold.holdId();
        BestRequest request = lastBest;
        run(() -> client.nextBest(holdId, request), this::setHold);
    }

    public void extend() {
        if (hold != null) {
            String holdId = hold.holdId();
            run(() -> client.extend(holdId), this::setHold);
        }
    }

    /** Releases the cart's seats: a new sale starts. */
    public void release() {
        if (hold == null) {
            return;
        }
        String holdId = hold.holdId();
        run(() -> {
            client.release(holdId);
            return null;
        }, h -> setHold(null));
    }

    public void tick() {
        if (countdown.tick()) {
            setHold(null);
            message.set("The hold expired and the seats went back on sale. Select seats again.");
        }
    }

    // ---- manager actions ----

    public void block(List<Seat> seats, String reason) {
        if (!session.isManager() || seats.isEmpty()) {
            return;
        }
        List<String> ids = seats.stream().map(Seat::id).toList();
        run(() -> client.block(event.id(), ids, reason), b -> message.set(ids.size() + " seat(s) blocked: " + reason));
    }

    public void unblock(List<Seat> seats) {
        if (!session.isManager() || seats.isEmpty()) {
            return;
        }
        List<String> ids = seats.stream().map(Seat::id).toList();
        run(() -> client.unblock(event.id(), ids), b -> message.set(ids.size() + " seat(s) unblocked."));
    }

    // ---- payment ----

    /** Ticket type per seat, as chosen in the cart. */
    public Map<String, String> ticketTypes() {
        Map<String, String> types = new HashMap<>();
        lines.forEach(l -> types.put(l.seat().id(), l.ticketTypeProperty().get()));
        return types;
    }

    public void sold(Booking booking) {
        hold = null;
        lines.clear();
        countdown.stop();
        recomputeTotal();
        lastSale.set(booking);
        boolean exchanged = exchange.get() != null;
        exchange.set(null);
        message.set((exchanged ? "Exchanged: new booking " : "Sold: booking ") + booking.code() + " · " + Money.format(booking.totalMinor(), booking.currency()));
    }

    // ---- internals ----

    private <T> void run(java.util.concurrent.Callable<T> work, java.util.function.Consumer<T> then) {
        busy.set(true);
        message.set("");
        tasks.run(work, result -> {
            busy.set(false);
            then.accept(result);
        }, failure -> {
            busy.set(false);
            message.set(ProblemMessages.describe(failure));
            if (failure instanceof dev.curtain.desktop.client.ApiException api
                    && "HOLD_NOT_FOUND".equals(api.problem().code())) {
                setHold(null);
            }
        });
    }

    private void refreshHold() {
        String holdId = hold.holdId();
        tasks.run(() -> client.seats(event.id()), snapshot -> {
            Hold mine = snapshot.mine().stream().filter(h -> h.holdId().equals(holdId)).findFirst().orElse(null);
            if (mine == null) {
                holdLost();
            } else {
                setHold(mine);
            }
        }, failure -> { });
    }

    private void holdLost() {
        setHold(null);
        message.set("The hold ended and its seats went back on sale. Select seats again.");
    }

    void setHold(Hold newHold) {
        SeatMapModel map = seatMap.get();
        Set<String> before = hold == null ? Set.of() : new LinkedHashSet<>(hold.seatIds());
        hold = newHold;
        Set<String> now = newHold == null ? Set.of() : new LinkedHashSet<>(newHold.seatIds());
        if (map != null) {
            before.stream().filter(id -> !now.contains(id) && map.display(id) == SeatMapModel.Display.MINE)
                    .forEach(id -> map.setStatus(id, SeatStatus.AVAILABLE, false));
            now.forEach(id -> map.setStatus(id, SeatStatus.HELD, true));
        }
        Map<String, CartLine> kept = new HashMap<>();
        lines.forEach(l -> kept.put(l.seat().id(), l));
        lines.setAll(now.stream().map(id -> kept.containsKey(id) ? kept.get(id) : newLine(id)).toList());
        recomputeTotal();
        if (newHold == null) {
            countdown.stop();
        } else {
            countdown.start(newHold.expiresAt());
        }
    }

    private CartLine newLine(String seatId) {
        Seat seat = seatMap.get().venue().seats().stream().filter(s -> s.id().equals(seatId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("seat " + seatId + " is not in this venue"));
        CartLine line = new CartLine(seat, event.prices().getOrDefault(seat.category(), Map.of()));
        line.priceProperty().addListener((o, a, b) -> recomputeTotal());
        return line;
    }

    private void recomputeTotal() {
        long sum = lines.stream().mapToLong(l -> l.priceProperty().get()).sum();
        total.set(sum);
        // an empty cart shows no total, after a release as before the first seat
        totalText.set(event == null || lines.isEmpty() ? "" : Money.format(sum, event.currency()));
    }

    private static String describe(Seat seat) {
        return "Row " + seat.row() + " seat " + seat.number();
    }

    public void close() {
        liveMap.close();
    }

    // ---- properties ----

    public Session session() {
        return session;
    }

    public Event event() {
        return event;
    }

    public Hold hold() {
        return hold;
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty subtitleProperty() {
        return subtitle;
    }

    public ObjectProperty<SeatMapModel> seatMapProperty() {
        return seatMap;
    }

    public ObservableList<CartLine> lines() {
        return lines;
    }

    public LongProperty totalProperty() {
        return total;
    }

    public StringProperty totalTextProperty() {
        return totalText;
    }

    public ObjectProperty<Connection> connectionProperty() {
        return connection;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public ObjectProperty<Booking> lastSaleProperty() {
        return lastSale;
    }

    /** While set, the cart replaces these seats of a booking instead of being sold. */
    public ObjectProperty<ExchangeContext> exchangeProperty() {
        return exchange;
    }

    public HoldCountdown countdown() {
        return countdown;
    }

    public LiveSeatState liveState() {
        return liveMap.state();
    }

    public Clock clock() {
        return clock;
    }

    public Notifier notifier() {
        return notifier;
    }
}
