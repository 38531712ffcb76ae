package dev.curtain.desktop.ui.common;

import dev.curtain.desktop.client.ApiException;
import dev.curtain.desktop.client.ServerUnreachableException;
import dev.curtain.model.problem.Problem;
import java.util.Map;

/** The one place that turns server problems into words for people at a counter. */
public final class ProblemMessages {

    private static final Map<String, String> BY_CODE = Map.ofEntries(
            Map.entry("INVALID_CREDENTIALS", "Unknown username or wrong password."),
            Map.entry("UNAUTHORIZED", "Your sign-in has expired. Please sign in again."),
            Map.entry("FORBIDDEN", "Your role may not do this."),
            Map.entry("SEATS_UNAVAILABLE", "Someone else just took %s. Pick other seats."),
            Map.entry("NO_BLOCK_AVAILABLE", "There are no seats together like that left."),
            Map.entry("TOO_MANY_SEATS", "That is more seats than one sale may hold."),
            Map.entry("TOO_MANY_HOLDS", "This terminal already holds seats in several carts. Finish or release one."),
            Map.entry("HOLD_NOT_FOUND", "The seats are no longer held: the hold expired or was released."),
            Map.entry("HOLD_EXPIRED", "The hold expired before payment, so nothing was sold. Select the seats again."),
            Map.entry("HOLD_ALREADY_CONFIRMED", "This sale has already been completed."),
            Map.entry("NOT_ON_SALE", "This performance is not on sale."),
            Map.entry("TENDERED_TOO_LOW", "The cash tendered is less than the total."),
            Map.entry("COMP_NEEDS_MANAGER", "A complimentary ticket needs a manager's approval."),
            Map.entry("REFUND_NEEDS_MANAGER", "Only a manager can refund or exchange sales from earlier days."),
            Map.entry("LIVE_STATE_UNAVAILABLE", "Live seat data is briefly unavailable. Try again in a moment."),
            Map.entry("BOOKING_NOT_RECORDED", "The sale could not be recorded, so nothing was charged. The seats are still held: try again."),
            Map.entry("TABLE_SOLD_WHOLE", "This table is sold as a whole table only."),
            Map.entry("TABLE_SOLD_BY_SEAT", "This table is sold seat by seat."),
            Map.entry("PAYMENT_METHOD_UNAVAILABLE", "That payment method is not available on this server."),
            Map.entry("DRAWER_CLOSED", "Open your cash drawer first (Drawer, at the top), with the float you start with."),
            Map.entry("DRAWER_ALREADY_OPEN", "Your drawer is already open."),
            Map.entry("PAYMENT_PROVIDER_UNAVAILABLE", "The card payment service cannot be reached right now. The seats stay reserved: try again in a moment."),
            Map.entry("NOT_ENOUGH_CASH", "There is not enough cash in your drawer for this refund."));

    private ProblemMessages() {
    }

    public static String describe(Throwable error) {
        Throwable e = error;
        while (e.getCause() != null && !(e instanceof ApiException) && !(e instanceof ServerUnreachableException)) {
            e = e.getCause();
        }
        if (e instanceof ServerUnreachableException) {
            return "The Curtain server cannot be reached. Check the network or the server address; nothing was changed.";
        }
        if (e instanceof ApiException api) {
            Problem p = api.problem();
            String template = BY_CODE.get(p.code());
            if (template == null) {
                return p.detail() != null ? p.detail() : "The server refused: " + p.title();
            }
            String seats = p.unavailable() == null || p.unavailable().isEmpty() ? "those seats"
                    : (p.unavailable().size() == 1 ? "seat " : "seats ") + String.join(", ", p.unavailable());
            return template.contains("%s") ? String.format(template, seats) : template;
        }
        return "Something went wrong: " + e.getMessage();
    }
}
