package dev.curtain.server.payment;

import dev.curtain.model.booking.PaymentMethod;
import dev.curtain.server.booking.BookingStore.PaymentRow;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Splits a refund over the ways a booking was paid: first back to the Stripe card (the money goes
 * back without anybody handling cash), then to the other methods in the order they were paid, each
 * up to what it paid less what it has already refunded. What only exchange credit paid for is
 * answered as EXCHANGE_CREDIT: the caller follows it back to the booking the credit came from.
 */
public final class RefundAllocation {

    /** One refund to record: {@code stripeIntentId} for card refunds through Stripe. */
    public record Part(PaymentMethod method, long amountMinor, String stripeIntentId) {
    }

    private RefundAllocation() {
    }

    public static List<Part> allocate(List<PaymentRow> rows, long amountMinor) {
        Map<PaymentMethod, Long> left = new EnumMap<>(PaymentMethod.class);
        Set<PaymentMethod> order = new LinkedHashSet<>();
        String intent = null;
        for (PaymentRow row : rows) {
            if ("PAYMENT".equals(row.kind()) && "SUCCEEDED".equals(row.status())) {
                order.add(row.method());
                left.merge(row.method(), row.amountMinor(), Long::sum);
                if (row.method() == PaymentMethod.STRIPE && intent == null) {
                    intent = row.stripeIntentId();
                }
            } else if ("REFUND".equals(row.kind()) && !"FAILED".equals(row.status())) {
                left.merge(row.method(), row.amountMinor(), Long::sum);
            }
        }
        List<PaymentMethod> methods = new ArrayList<>();
        if (order.remove(PaymentMethod.STRIPE)) {
            methods.add(PaymentMethod.STRIPE);
        }
        boolean credit = order.remove(PaymentMethod.EXCHANGE_CREDIT);
        methods.addAll(order);
        List<Part> parts = new ArrayList<>();
        long rest = amountMinor;
        for (PaymentMethod m : methods) {
            long take = Math.min(rest, Math.max(0, left.getOrDefault(m, 0L)));
            if (take > 0) {
                parts.add(new Part(m, take, m == PaymentMethod.STRIPE ? intent : null));
                rest -= take;
            }
        }
        if (rest > 0 || parts.isEmpty()) {
            // Exchange credit (followed back by the caller), or nothing left to give back from: the
            // booking's first method keeps the record, as a comp's zero refund does.
            PaymentMethod last = credit ? PaymentMethod.EXCHANGE_CREDIT
                    : methods.isEmpty() ? PaymentMethod.CASH : methods.get(0);
            parts.add(new Part(last, rest, last == PaymentMethod.STRIPE ? intent : null));
        }
        return parts;
    }
}
