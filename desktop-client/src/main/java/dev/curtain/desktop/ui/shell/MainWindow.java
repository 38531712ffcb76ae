package dev.curtain.desktop.ui.shell;

import dev.curtain.desktop.client.LiveFeed;
import dev.curtain.desktop.print.TicketPrinter;
import dev.curtain.desktop.ui.bookings.BookingsView;
import dev.curtain.desktop.ui.bookings.BookingsViewModel;
import dev.curtain.desktop.ui.common.BackgroundTasks;
import dev.curtain.desktop.ui.common.DialogService;
import dev.curtain.desktop.ui.common.Money;
import dev.curtain.desktop.ui.common.Session;
import dev.curtain.desktop.ui.common.ThemeManager;
import dev.curtain.desktop.ui.common.UiDispatcher;
import dev.curtain.desktop.ui.drawer.DrawerView;
import dev.curtain.desktop.ui.drawer.DrawerViewModel;
import dev.curtain.desktop.ui.events.EventRow;
import dev.curtain.desktop.ui.events.EventsView;
import dev.curtain.desktop.ui.events.EventsViewModel;
import dev.curtain.desktop.ui.payment.PaymentDialog;
import dev.curtain.desktop.ui.payment.PaymentViewModel;
import dev.curtain.desktop.ui.reports.ReportsView;
import dev.curtain.desktop.ui.reports.ReportsViewModel;
import dev.curtain.desktop.ui.sale.ExchangeContext;
import dev.curtain.desktop.ui.sale.SaleView;
import dev.curtain.desktop.ui.sale.SaleViewModel;
import dev.curtain.desktop.ui.simulator.SimulatorView;
import dev.curtain.desktop.ui.simulator.SimulatorViewModel;
import dev.curtain.model.booking.Booking;
import dev.curtain.model.booking.ExchangeRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Window;

/**
 * The signed-in app: header with navigation, one screen at a time, and the counter's keyboard
 * shortcuts. Screens talk to each other only through the callbacks wired here.
 */
public final class MainWindow extends StackPane {

    private final Session session;
    private final BackgroundTasks tasks;
    private final UiDispatcher ui;
    private final ThemeManager theme;
    private final Clock clock;
    private final DialogService dialogs;
    private final TicketPrinter printer;
    private final BorderPane frame = new BorderPane();
    private final EventsViewModel eventsVm;
    private final EventsView eventsView;
    private final BookingsViewModel bookingsVm;
    private final BookingsView bookingsView;
    private final HBox nav = new HBox(4);
    private SaleView saleView;
    private SaleViewModel saleVm;
    private ShortcutsOverlay overlay;
    private Node reportsView;
    private DrawerViewModel drawerVm;
    private ExchangeContext pendingExchange;
    private DrawerView drawerView;
    private SimulatorViewModel simulatorVm;
    private SimulatorView simulatorView;

    public MainWindow(Session session, BackgroundTasks tasks, UiDispatcher ui, ThemeManager theme, Clock clock,
                      Window owner, Path ticketFolder, Runnable signOut) {
        this.session = session;
        this.tasks = tasks;
        this.ui = ui;
        this.theme = theme;
        this.clock = clock;
        this.dialogs = new DialogService(owner);
        this.printer = new TicketPrinter(ticketFolder);
        this.eventsVm = new EventsViewModel(session.client(), tasks, clock);
        this.eventsView = new EventsView(eventsVm, this::openSale);
        this.bookingsVm = new BookingsViewModel(session.client(), tasks);
        this.bookingsView = new BookingsView(bookingsVm, b -> print(b, true), this::startExchange);

        Label brand = new Label("Curtain");
        brand.getStyleClass().add("brand");
        brand.setMinWidth(Region.USE_PREF_SIZE);
        nav.getChildren().addAll(navButton("Performances", "nav-events", this::showEvents),
                navButton("Sale", "nav-sale", this::showSale),
                navButton("Bookings", "nav-bookings", this::showBookings),
                navButton("Drawer", "nav-drawer", this::showDrawer));
        if (session.isManager()) {
            nav.getChildren().addAll(navButton("Reports", "nav-reports", this::showReports),
                    navButton("Simulator", "nav-simulator", this::showSimulator));
        }
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label who = new Label(session.username() + " · " + session.roles().get(0).name().toLowerCase()
                + " · " + session.client().baseUrl());
        who.setId("who");
        who.setMinWidth(0); // the address gives way first when the header is short of room
        Button themeButton = new Button("◐");
        themeButton.getStyleClass().add("nav-button");
        themeButton.setOnAction(e -> toggleTheme());
        Button help = new Button("F1 Help");
        help.getStyleClass().add("nav-button");
        help.setOnAction(e -> showShortcuts());
        Button out = new Button("Sign out");
        out.getStyleClass().add("nav-button");
        out.setOnAction(e -> {
            closeSale();
            if (simulatorView != null) {
                simulatorView.dispose();
            }
            signOut.run();
        });
        for (Button b : List.of(themeButton, help, out)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox header = new HBox(brand, nav, gap, who, themeButton, help, out);
        header.getStyleClass().add("header-bar");
        frame.setTop(header);
        getChildren().add(frame);
        showEvents();
        eventsVm.refresh();
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    }

    // ---- navigation ----

    private Button navButton(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.getStyleClass().add("nav-button");
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setOnAction(e -> action.run());
        return b;
    }

    private void select(String id) {
        nav.getChildren().forEach(n -> n.getStyleClass().remove("selected"));
        nav.getChildren().stream().filter(n -> id.equals(n.getId())).forEach(n -> n.getStyleClass().add("selected"));
    }

    public void showEvents() {
        frame.setCenter(eventsView);
        select("nav-events");
        eventsView.focusSearch();
    }

    public void showSale() {
        if (saleView == null) {
            showEvents();
            return;
        }
        frame.setCenter(saleView);
        select("nav-sale");
        saleView.seatMap().requestFocus();
    }

    public void showBookings() {
        frame.setCenter(bookingsView);
        select("nav-bookings");
        bookingsView.focusQuery();
    }

    private void showDrawer() {
        if (drawerView == null) {
            drawerVm = new DrawerViewModel(session.client(), tasks);
            drawerView = new DrawerView(drawerVm);
        }
        drawerVm.load();
        frame.setCenter(drawerView);
        select("nav-drawer");
    }

    private void showReports() {
        if (reportsView == null) {
            reportsView = new ReportsView(new ReportsViewModel(session.client(), tasks), eventsVm.visibleRows());
        }
        frame.setCenter(reportsView);
        select("nav-reports");
    }

    private void showSimulator() {
        if (simulatorView == null) {
            simulatorVm = new SimulatorViewModel(session, ui, clock, LiveFeed::new);
            simulatorView = new SimulatorView(simulatorVm, theme.seatMapPalette());
            ObservableList<EventRow> rows = eventsVm.visibleRows();
            Runnable offer = () -> simulatorVm.setPerformances(rows.stream().map(EventRow::event).toList());
            rows.addListener((ListChangeListener<EventRow>) c -> offer.run());
            offer.run();
        }
        frame.setCenter(simulatorView);
        select("nav-simulator");
    }

    /** Exchange: pick the new performance and seats; the cart then replaces the booking's seats. */
    private void startExchange(Booking booking, List<String> seatIds) {
        pendingExchange = ExchangeContext.of(booking, seatIds);
        showEvents();
        dialogs.info("Exchange " + booking.code(), "Open the performance and choose " + pendingExchange.seatIds().size()
                + " new seat(s); then press Exchange.");
    }

    public void openSale(EventRow row) {
        closeSale();
        saleVm = new SaleViewModel(session, tasks, ui, dialogs, clock, LiveFeed::new);
        saleVm.exchangeProperty().set(pendingExchange);
        pendingExchange = null;
        saleView = new SaleView(saleVm, theme.seatMapPalette(), this::pay);
        saleVm.open(row.event().id());
        showSale();
    }

    private void closeSale() {
        if (saleView != null) {
            saleView.dispose();
            saleView = null;
            saleVm = null;
        }
    }

    // ---- payment and printing ----

    private void pay(SaleViewModel sale) {
        if (sale.hold() == null || sale.lines().isEmpty()) {
            return;
        }
        PaymentDialog[] dialog = new PaymentDialog[1];
        java.util.function.Consumer<Booking> done = booking -> {
            if (dialog[0] != null) {
                dialog[0].close();
            }
            sale.sold(booking);
            saleDone(booking);
        };
        ExchangeContext exchange = sale.exchangeProperty().get();
        String holdId = sale.hold().holdId();
        if (exchange != null) {
            long difference = sale.totalProperty().get() - exchange.creditMinor();
            PaymentViewModel.Submitter submit = (payment, customer, key) -> session.client().exchange(
                    exchange.booking().id(), new ExchangeRequest(exchange.seatIds(), holdId, sale.ticketTypes(),
                            difference > 0 ? payment : null, "exchange at the counter"));
            if (difference <= 0) {
                tasks.run(() -> submit.submit(null, null, null), done, e -> dialogs.error("Exchange refused", e));
                return;
            }
            PaymentViewModel vm = new PaymentViewModel(tasks, difference, sale.event().currency(), done, submit);
            dialog[0] = new PaymentDialog(getScene().getWindow(), vm, getScene().getStylesheets());
            dialog[0].show();
            return;
        }
        PaymentViewModel vm = new PaymentViewModel(session.client(), tasks, holdId, sale.totalProperty().get(),
                sale.event().currency(), sale.ticketTypes(), done);
        dialog[0] = new PaymentDialog(getScene().getWindow(), vm, getScene().getStylesheets());
        dialog[0].show();
    }

    private void saleDone(Booking booking) {
        String change = booking.payments().isEmpty() || booking.payments().get(0).changeMinor() == null ? ""
                : "\nChange due: " + Money.format(booking.payments().get(0).changeMinor(), booking.currency());
        Path tickets = print(booking, false);
        dialogs.info("Sold — booking " + booking.code(), "Booking " + booking.code() + " · "
                + Money.format(booking.totalMinor(), booking.currency()) + change
                + (tickets == null ? "" : "\nTickets and receipt saved to " + tickets.getParent()));
        eventsVm.refresh();
    }

    private Path print(Booking booking, boolean reprint) {
        try {
            Path tickets = printer.tickets(booking, booking.seats().stream().filter(s -> "ACTIVE".equals(s.status())).toList(), reprint);
            printer.receipt(booking);
            return tickets;
        } catch (java.io.IOException e) {
            dialogs.error("Tickets could not be printed", e);
            return null;
        }
    }

    // ---- keyboard ----

    private void onKey(KeyEvent e) {
        if (overlay != null) {
            getChildren().remove(overlay);
            overlay = null;
            e.consume();
            return;
        }
        boolean typing = getScene() != null && getScene().getFocusOwner() instanceof TextInputControl;
        boolean onSale = saleView != null && frame.getCenter() == saleView;
        KeyCode code = e.getCode();
        if (code == KeyCode.F1) {
            showShortcuts();
        } else if (e.isShortcutDown() && code == KeyCode.F) {
            showBookings();
        } else if (e.isShortcutDown() && code == KeyCode.P) {
            showEvents();
        } else if (e.isShortcutDown() && code == KeyCode.N) {
            if (saleVm != null) {
                saleVm.release();
            }
            showEvents();
        } else if (e.isShortcutDown() && code == KeyCode.D) {
            toggleTheme();
        } else if (onSale && e.isShortcutDown() && code == KeyCode.E) {
            saleVm.extend();
        } else if (onSale && !typing && code.isDigitKey() && !e.isShortcutDown()) {
            int n = Integer.parseInt(e.getText().isEmpty() ? "0" : e.getText());
            if (n > 0) {
                saleView.bestFromKey(n);
            }
        } else if (onSale && !typing && code == KeyCode.N) {
            saleVm.nextBest();
        } else if (onSale && !typing && code == KeyCode.ENTER) {
            pay(saleVm);
        } else if (onSale && !typing && (code == KeyCode.DELETE || code == KeyCode.BACK_SPACE)) {
            saleVm.release();
        } else {
            return;
        }
        e.consume();
    }

    private void showShortcuts() {
        overlay = new ShortcutsOverlay();
        overlay.setOnMouseClicked(e -> {
            getChildren().remove(overlay);
            overlay = null;
        });
        getChildren().add(overlay);
    }

    private void toggleTheme() {
        theme.darkProperty().set(!theme.darkProperty().get());
        if (saleView != null) {
            saleView.setPalette(theme.seatMapPalette());
        }
        if (simulatorView != null) {
            simulatorView.setPalette(theme.seatMapPalette());
        }
    }

    public SaleViewModel saleViewModel() {
        return saleVm;
    }

    public EventsViewModel eventsViewModel() {
        return eventsVm;
    }

    /** The simulator screen's view model, once a manager has opened it. */
    public SimulatorViewModel simulatorViewModel() {
        return simulatorVm;
    }

}
