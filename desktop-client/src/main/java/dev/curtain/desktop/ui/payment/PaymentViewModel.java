package dev.curtain.desktop.ui.payment;

import dev.curtain.desktop.client.ApiException;
import dev.curtain.desktop.client.CurtainClient;
import dev.curtain.desktop.ui.common.BackgroundTasks;
import dev.curtain.desktop.ui.common.Money;
import dev.curtain.desktop.ui.common.ProblemMessages;
import dev.curtain.model.booking.Approval;
import dev.curtain.model.booking.Booking;
import dev.curtain.model.booking.BookingRequest;
import dev.curtain.model.booking.BookingStatus;
import dev.curtain.model.booking.Customer;
import dev.curtain.model.booking.PaymentMethod;
import dev.curtain.model.booking.PaymentRequest;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Takes payment for a cart and confirms the sale. The idempotency key is kept until the server has
 * definitely answered, so a double click or a retry after a network failure can never sell twice.
 */
public final class PaymentViewModel {

    /** What confirming does: a sale of the hold, or an exchange paying the difference. */
    @FunctionalInterface
    public interface Submitter {
        Booking submit(PaymentRequest payment, Customer customer, String idempotencyKey) throws java.io.IOException;
    }

    /** Re-reads a booking whose card payment is pending. */
    @FunctionalInterface
    public interface Refresher {
        Booking refresh(String bookingId) throws java.io.IOException;
    }

    static final long POLL_MILLIS = 2000;

    private final Submitter submitter;
    private Refresher refresher;
    private final StringProperty pending = new SimpleStringProperty("");
    private final BackgroundTasks tasks;
    private final long totalMinor;
    private final String currency;
    private final Consumer<Booking> sold;

    private final ObjectProperty<PaymentMethod> method = new SimpleObjectProperty<>(PaymentMethod.CASH);
    private final StringProperty tendered = new SimpleStringProperty("");
    private final StringProperty reference = new SimpleStringProperty("");
    private final StringProperty approver = new SimpleStringProperty("");
    private final StringProperty approverPassword = new SimpleStringProperty("");
    private final StringProperty customerName = new SimpleStringProperty("");
    private final StringProperty customerEmail = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final StringBinding changeDue;
    private String idempotencyKey = newKey();

    public PaymentViewModel(CurtainClient client, BackgroundTasks tasks, String holdId, long totalMinor, String currency,
                            Map<String, String> ticketTypes, Consumer<Booking> sold) {
        this(tasks, totalMinor, currency, sold, (payment, customer, key) ->
                client.confirm(new BookingRequest(holdId, customer, payment, Map.copyOf(ticketTypes)), key));
        this.refresher = id -> client.booking(id);
    }

    public PaymentViewModel(BackgroundTasks tasks, long totalMinor, String currency, Consumer<Booking> sold,
                            Submitter submitter) {
        this.submitter = submitter;
        this.tasks = tasks;
        this.totalMinor = totalMinor;
        this.currency = currency;
        this.sold = sold;
        this.changeDue = Bindings.createStringBinding(() -> {
            Long given = Money.parse(tendered.get());
            if (method.get() != PaymentMethod.CASH || given == null) {
                return "";
            }
            return given < totalMinor ? "Short by " + Money.format(totalMinor - given, currency)
                    : "Change due " + Money.format(given - totalMinor, currency);
        }, tendered, method);
    }

    /** Cash with nothing typed means the exact amount: Enter at the counter takes the total. */
    public void confirm() {
        if (busy.get()) {
            return; // a double click while the first is on its way
        }
        PaymentRequest payment;
        try {
            payment = payment();
        } catch (IllegalArgumentException invalid) {
            error.set(invalid.getMessage());
            return;
        }
        Customer customer = customerName.get().isBlank() && customerEmail.get().isBlank() ? null
                : new Customer(customerName.get().strip(), customerEmail.get().isBlank() ? null : customerEmail.get().strip());
        busy.set(true);
        error.set("");
        String key = idempotencyKey;
        tasks.run(() -> submitter.submit(payment, customer, key), booking -> {
            if (booking.status() == BookingStatus.PENDING_PAYMENT && refresher != null) {
                pending.set("Waiting for the card payment of booking " + booking.code()
                        + (booking.paymentDeadline() == null ? "" : "; the seats are kept until " + booking.paymentDeadline()) + "…");
                tasks.run(() -> awaitCard(booking), this::finish, this::failed);
            } else {
                finish(booking);
            }
        }, this::failed);
    }

    private void finish(Booking booking) {
        busy.set(false);
        pending.set("");
        if (booking.status() == BookingStatus.PENDING_PAYMENT || booking.status() == BookingStatus.CONFIRMED) {
            sold.accept(booking);
        } else {
            error.set("The card payment did not go through (" + booking.status().name().toLowerCase()
                    + "): nothing was charged and the seats went back on sale.");
        }
    }

    private void failed(Throwable failure) {
        busy.set(false);
        pending.set("");
        error.set(ProblemMessages.describe(failure));
        if (failure instanceof ApiException api && api.problem().status() < 500
                && !api.problem().code().startsWith("IDEMPOTENCY")) {
            idempotencyKey = newKey(); // definitely not sold: the next attempt is a new request
        }
    }

    /** Waits (off the UI thread) until Stripe's answer settles a pending card payment. */
    private Booking awaitCard(Booking booking) throws java.io.IOException, InterruptedException {
        Booking current = booking;
        while (current.status() == BookingStatus.PENDING_PAYMENT) {
            Thread.sleep(POLL_MILLIS);
            current = refresher.refresh(current.id());
        }
        return current;
    }

    private PaymentRequest payment() {
        return switch (method.get()) {
            case CASH -> {
                Long given = tendered.get().isBlank() ? Long.valueOf(totalMinor) : Money.parse(tendered.get());
                if (given == null) {
                    throw new IllegalArgumentException("Type the cash tendered, for example 50 or 50.00.");
                }
                if (given < totalMinor) {
                    throw new IllegalArgumentException("The cash tendered is less than the total " + Money.format(totalMinor, currency) + ".");
                }
                yield PaymentRequest.cash(given);
            }
            case CARD_TERMINAL -> {
                if (reference.get().isBlank()) {
                    throw new IllegalArgumentException("Type the card terminal's reference from its slip.");
                }
                yield PaymentRequest.card(reference.get().strip());
            }
            case COMP -> new PaymentRequest(PaymentMethod.COMP, null, null, approver.get().isBlank() ? null
                    : new Approval(approver.get().strip(), approverPassword.get()));
            case STRIPE -> new PaymentRequest(PaymentMethod.STRIPE, null, null, null);
            default -> throw new IllegalArgumentException("Choose cash, card terminal or complimentary.");
        };
    }

    String idempotencyKey() {
        return idempotencyKey;
    }

    private static String newKey() {
        return UUID.randomUUID().toString();
    }

    public String totalText() {
        return Money.format(totalMinor, currency);
    }

    public long totalMinor() {
        return totalMinor;
    }

    public ObjectProperty<PaymentMethod> methodProperty() {
        return method;
    }

    public StringProperty tenderedProperty() {
        return tendered;
    }

    public StringProperty referenceProperty() {
        return reference;
    }

    public StringProperty approverProperty() {
        return approver;
    }

    public StringProperty approverPasswordProperty() {
        return approverPassword;
    }

    public StringProperty customerNameProperty() {
        return customerName;
    }

    public StringProperty customerEmailProperty() {
        return customerEmail;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public StringProperty pendingProperty() {
        return pending;
    }

    public StringBinding changeDueProperty() {
        return changeDue;
    }
}
