package dev.curtain.server.payment;

import dev.curtain.model.booking.BookingStatus;
import dev.curtain.model.payment.StuckPayment;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The Stripe side of payments in PostgreSQL: intents, settlement states, webhook events seen. */
@jakarta.inject.Singleton
public class PaymentStore {

    /** The card part of a booking waiting for Stripe. */
    public record CardPart(long paymentId, String bookingId, String bookingCode, long amountMinor, String currency,
                           String stripeIntentId) {
    }

    /** A card refund Stripe has yet to confirm. */
    public record CardRefund(long paymentId, String bookingId, long amountMinor, String stripeIntentId) {
    }

    /** The card part of a booking (the one STRIPE payment row), if it has one. */
    public Optional<CardPart> cardPart(Connection c, String bookingId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select p.id, b.id, b.code, p.amount_minor, p.currency, p.stripe_intent_id
                from payments p join bookings b on b.id = p.booking_id
                where p.booking_id = ? and p.kind = 'PAYMENT' and p.method = 'STRIPE'
                order by p.id limit 1
                """)) {
            ps.setString(1, bookingId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new CardPart(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), rs.getString(6))) : Optional.empty();
            }
        }
    }

    /** The card part of a booking still waiting for its payment. */
    public Optional<CardPart> pendingCardPart(Connection c, String bookingId) throws SQLException {
        Optional<CardPart> part = cardPart(c, bookingId);
        try (PreparedStatement ps = c.prepareStatement("select status from bookings where id = ?")) {
            ps.setString(1, bookingId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && BookingStatus.PENDING_PAYMENT.name().equals(rs.getString(1)) ? part : Optional.empty();
            }
        }
    }

    public Optional<String> bookingOfIntent(Connection c, String intentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select booking_id from payments where stripe_intent_id = ? and kind = 'PAYMENT'")) {
            ps.setString(1, intentId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** Remembers the intent of a card part; a second writer (a retry) finds it already set and changes nothing. */
    public void setIntent(Connection c, long paymentId, String intentId, String clientSecret) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                update payments set stripe_intent_id = ?, stripe_client_secret = ?
                where id = ? and stripe_intent_id is null
                """)) {
            ps.setString(1, intentId);
            ps.setString(2, clientSecret);
            ps.setLong(3, paymentId);
            ps.executeUpdate();
        }
    }

    /** Moves a payment row on from PENDING or STUCK; answers whether it did (false: already settled). */
    public boolean settle(Connection c, long paymentId, String status, String detail, String reference) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                update payments set status = ?, status_detail = ?, reference = coalesce(?, reference), checked_at = now()
                where id = ? and status in ('PENDING', 'STUCK')
                """)) {
            ps.setString(1, status);
            ps.setString(2, detail);
            ps.setString(3, reference);
            ps.setLong(4, paymentId);
            return ps.executeUpdate() == 1;
        }
    }

    /** Money Stripe took for a booking that had already expired (its payment row FAILED): it did arrive. */
    public boolean arrivedLate(Connection c, long paymentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                update payments set status = 'SUCCEEDED', status_detail = 'paid after the booking had expired',
                                    checked_at = now()
                where id = ? and status <> 'SUCCEEDED'
                """)) {
            ps.setLong(1, paymentId);
            return ps.executeUpdate() == 1;
        }
    }

    public void setDetail(Connection c, long paymentId, String detail) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update payments set status_detail = ? where id = ?")) {
            ps.setString(1, detail);
            ps.setLong(2, paymentId);
            ps.executeUpdate();
        }
    }

    /** Moves a booking on from PENDING_PAYMENT; answers whether it did (false: another delivery or node was first). */
    public boolean leavePending(Connection c, String bookingId, BookingStatus to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "update bookings set status = ? where id = ? and status = 'PENDING_PAYMENT'")) {
            ps.setString(1, to.name());
            ps.setString(2, bookingId);
            return ps.executeUpdate() == 1;
        }
    }

    /** What has been paid so far: the succeeded payments (a booking is confirmed when total - paid reaches zero). */
    public long paidMinor(Connection c, String bookingId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select coalesce(sum(amount_minor), 0) from payments where booking_id = ? and kind = 'PAYMENT' and status = 'SUCCEEDED'")) {
            ps.setString(1, bookingId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * The next booking whose payment deadline has passed, locked; bookings another node is settling
     * are skipped, and so are those this run has already tried.
     */
    public Optional<String> lockNextDue(Connection c, Instant now, Collection<String> tried) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select id from bookings
                where status = 'PENDING_PAYMENT' and payment_deadline <= ? and not (id = any(?))
                order by payment_deadline limit 1
                for update skip locked
                """)) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setArray(2, c.createArrayOf("text", tried.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** A card refund still to be confirmed by Stripe, locked (skipped while another node works on it). */
    public Optional<CardRefund> lockCardRefund(Connection c, long paymentId) throws SQLException {
        List<CardRefund> found = cardRefunds(c, "and p.id = ?", paymentId, List.of());
        return found.stream().findFirst();
    }

    public Optional<CardRefund> lockNextCardRefund(Connection c, Collection<Long> tried) throws SQLException {
        return cardRefunds(c, "and not (p.id = any(?))", null, tried).stream().findFirst();
    }

    private static List<CardRefund> cardRefunds(Connection c, String filter, Long id, Collection<Long> tried)
            throws SQLException {
        List<CardRefund> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select p.id, p.booking_id, p.amount_minor, p.stripe_intent_id from payments p
                where p.kind = 'REFUND' and p.method = 'STRIPE' and p.status in ('PENDING', 'STUCK')
                """ + filter + " order by p.id limit 1 for update skip locked")) {
            if (id != null) {
                ps.setLong(1, id);
            } else {
                ps.setArray(1, c.createArrayOf("bigint", tried.toArray()));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new CardRefund(rs.getLong(1), rs.getString(2), -rs.getLong(3), rs.getString(4)));
                }
            }
        }
        return out;
    }

    /** Records a webhook event; false when it was recorded before (a redelivery). */
    public boolean firstDelivery(Connection c, String eventId, String type) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "insert into stripe_events (id, type) values (?, ?) on conflict (id) do nothing")) {
            ps.setString(1, eventId);
            ps.setString(2, type);
            return ps.executeUpdate() == 1;
        }
    }

    /** Card payments and refunds that need a person: stuck past their deadline, or refused by Stripe. */
    public List<StuckPayment> needingAttention(Connection c) throws SQLException {
        List<StuckPayment> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select b.id, b.code, b.event_id, e.title, abs(p.amount_minor), p.currency, p.stripe_intent_id,
                       b.payment_deadline, p.kind, p.status, p.status_detail, p.checked_at
                from payments p join bookings b on b.id = p.booking_id join events e on e.id = b.event_id
                where p.method = 'STRIPE' and (p.status = 'STUCK' or (p.kind = 'REFUND' and p.status = 'FAILED'))
                order by coalesce(p.checked_at, p.created_at)
                """);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Timestamp deadline = rs.getTimestamp(8);
                Timestamp checked = rs.getTimestamp(12);
                out.add(new StuckPayment(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                        rs.getString(6), rs.getString(7), deadline == null ? null : deadline.toInstant(), rs.getString(9),
                        rs.getString(10), rs.getString(11), checked == null ? null : checked.toInstant()));
            }
        }
        return out;
    }
}
