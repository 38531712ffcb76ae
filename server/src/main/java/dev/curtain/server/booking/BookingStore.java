package dev.curtain.server.booking;

import dev.curtain.model.booking.BookedSeat;
import dev.curtain.model.booking.Booking;
import dev.curtain.model.booking.BookingStatus;
import dev.curtain.model.booking.Customer;
import dev.curtain.model.booking.PaymentMethod;
import dev.curtain.model.booking.PaymentRecord;
import dev.curtain.server.db.OneTrip;
import dev.curtain.server.db.Rows;
import dev.curtain.model.booking.StripePayment;
import dev.curtain.model.venue.Seat;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Bookings, their seats (tickets) and payments in PostgreSQL. */
@jakarta.inject.Singleton
public class BookingStore {

    public record NewBooking(String id, String code, String eventId, BookingStatus status, Customer customer,
                             long totalMinor, String currency, String holdId, String exchangedFrom, String createdBy,
                             Instant paymentDeadline) {

        public NewBooking(String id, String code, String eventId, BookingStatus status, Customer customer, long totalMinor,
                          String currency, String holdId, String exchangedFrom, String createdBy) {
            this(id, code, eventId, status, customer, totalMinor, currency, holdId, exchangedFrom, createdBy, null);
        }
    }

    public record NewSeat(Seat seat, String ticketType, long priceMinor, String ticketCode, String qrPayload) {
    }

    /** {@code status} is SUCCEEDED for money taken at once, PENDING for a card payment or refund Stripe has yet to settle. */
    public record NewPayment(String kind, PaymentMethod method, long amountMinor, String currency, Long tenderedMinor,
                             Long changeMinor, String reference, String approvedBy, String createdBy, String status,
                             String stripeIntentId) {

        public NewPayment(String kind, PaymentMethod method, long amountMinor, String currency, Long tenderedMinor,
                          Long changeMinor, String reference, String approvedBy, String createdBy) {
            this(kind, method, amountMinor, currency, tenderedMinor, changeMinor, reference, approvedBy, createdBy,
                    "SUCCEEDED", null);
        }
    }

    /** A stored payment or refund row, as refunds and settlements decide on it. */
    public record PaymentRow(long id, String kind, PaymentMethod method, long amountMinor, String status,
                             String stripeIntentId) {
    }

    /** The parts of a booking that refunds and exchanges decide on, read under a row lock. */
    public record Head(String id, String code, String eventId, BookingStatus status, Instant createdAt, String currency,
                       long totalMinor, String exchangedFrom) {
    }

    public record ActiveSeat(String seatId, String category, String ticketType, long priceMinor) {
    }

    /**
     * Adds the booking with its seats and payments to {@code trip}, all stamped {@code createdAt}
     * (to the microsecond, as PostgreSQL keeps it). Answers the payments' ids, in order, once the
     * trip has run.
     *
     * <p>Seats and payments are unnested in the select list, where arrays of one length advance in
     * step, not in {@code FROM}: there PostgreSQL first copies the rows into a tuplestore, and
     * that, with the memory it took from and gave back to the system each time, cost a third of
     * PostgreSQL's time per sale (docs/benchmarks.md, 2026-12-05).
     */
    public List<Long> insert(OneTrip trip, NewBooking b, Instant createdAt, List<NewSeat> seats, List<NewPayment> payments) {
        trip.add("""
                insert into bookings (id, code, event_id, status, customer_name, customer_email, total_minor, currency,
                                      hold_id, exchanged_from, created_by, payment_deadline, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, p -> p.text(b.id()).text(b.code()).text(b.eventId()).text(b.status().name())
                .text(b.customer() == null ? null : b.customer().name())
                .text(b.customer() == null ? null : b.customer().email())
                .number(b.totalMinor()).text(b.currency()).text(b.holdId()).text(b.exchangedFrom()).text(b.createdBy())
                .time(b.paymentDeadline()).time(createdAt));
        trip.add("""
                insert into booking_seats (booking_id, event_id, seat_id, category, ticket_type, price_minor, status,
                                           ticket_code, qr_payload)
                select ?, ?, unnest(?::text[]), unnest(?::text[]), unnest(?::text[]), unnest(?::bigint[]), 'ACTIVE',
                       unnest(?::text[]), unnest(?::text[])
                """, p -> p.text(b.id()).text(b.eventId())
                .texts(seats.stream().map(s -> s.seat().id()).toList())
                .texts(seats.stream().map(s -> s.seat().category()).toList())
                .texts(seats.stream().map(NewSeat::ticketType).toList())
                .numbers(seats.stream().map(NewSeat::priceMinor).toList())
                .texts(seats.stream().map(NewSeat::ticketCode).toList())
                .texts(seats.stream().map(NewSeat::qrPayload).toList()));
        return insertPayments(trip, b.id(), createdAt, payments);
    }

    /**
     * Adds the payments (or refunds) of a booking to {@code trip}, in order, stamped {@code createdAt}
     * or, when that is null, the transaction's time. Answers their ids, in order, once the trip has run.
     */
    public List<Long> insertPayments(OneTrip trip, String bookingId, Instant createdAt, List<NewPayment> payments) {
        List<Long> ids = new ArrayList<>();
        trip.add("""
                insert into payments (booking_id, kind, method, amount_minor, currency, tendered_minor, change_minor,
                                      reference, approved_by, created_by, status, stripe_intent_id, created_at)
                select ?, unnest(?::text[]), unnest(?::text[]), unnest(?::bigint[]), unnest(?::text[]), unnest(?::bigint[]),
                       unnest(?::bigint[]), unnest(?::text[]), unnest(?::text[]), unnest(?::text[]), unnest(?::text[]),
                       unnest(?::text[]), coalesce(?::timestamptz, now())
                returning id
                """, p -> p.text(bookingId)
                .texts(payments.stream().map(NewPayment::kind).toList())
                .texts(payments.stream().map(x -> x.method().name()).toList())
                .numbers(payments.stream().map(NewPayment::amountMinor).toList())
                .texts(payments.stream().map(NewPayment::currency).toList())
                .numbers(payments.stream().map(NewPayment::tenderedMinor).toList())
                .numbers(payments.stream().map(NewPayment::changeMinor).toList())
                .texts(payments.stream().map(NewPayment::reference).toList())
                .texts(payments.stream().map(NewPayment::approvedBy).toList())
                .texts(payments.stream().map(NewPayment::createdBy).toList())
                .texts(payments.stream().map(NewPayment::status).toList())
                .texts(payments.stream().map(NewPayment::stripeIntentId).toList())
                .time(createdAt),
                rows -> {
                    while (rows.next()) {
                        ids.add(rows.getLong(1));
                    }
                    ids.sort(null); // drawn from the sequence in insertion order
                });
        return ids;
    }

    /**
     * The booking that {@link #insert} writes, as {@link #load} reads it back, so that a sale can
     * be answered without reading it. Not for a card sale: its Stripe part is read back.
     */
    public static Booking written(NewBooking b, Instant createdAt, String eventTitle, Instant eventStartsAt,
                                  List<NewSeat> seats, List<NewPayment> payments) {
        List<PaymentRecord> records = new ArrayList<>();
        for (NewPayment p : payments) {
            records.add(new PaymentRecord(p.kind(), p.method(), p.amountMinor(), p.tenderedMinor(), p.changeMinor(),
                    p.reference() != null ? p.reference() : p.stripeIntentId(), p.approvedBy(), p.status(), createdAt,
                    p.createdBy()));
        }
        List<BookedSeat> booked = new ArrayList<>();
        for (NewSeat s : seats) {
            booked.add(new BookedSeat(s.seat().id(), b.eventId(), s.seat().section(), s.seat().row(), s.seat().number(),
                    s.seat().category(), s.ticketType(), s.priceMinor(), "ACTIVE", s.ticketCode(), s.qrPayload(), 0));
        }
        booked.sort(java.util.Comparator.comparing(BookedSeat::seatId)); // as load orders them (collate "C")
        Customer customer = b.customer() == null || b.customer().name() == null && b.customer().email() == null
                ? null : b.customer();
        return new Booking(b.id(), b.code(), b.eventId(), eventTitle, eventStartsAt, b.status(), customer,
                booked, records, b.totalMinor(), b.currency(), b.exchangedFrom(), createdAt, b.createdBy(),
                b.paymentDeadline(), null);
    }

    public long insertPayment(Connection c, String bookingId, NewPayment p) throws SQLException {
        OneTrip trip = new OneTrip();
        List<Long> ids = insertPayments(trip, bookingId, null, List.of(p));
        trip.run(c);
        return ids.get(0);
    }

    public List<PaymentRow> payments(Connection c, String bookingId) throws SQLException {
        List<PaymentRow> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select id, kind, method, amount_minor, status, stripe_intent_id from payments where booking_id = ? order by id")) {
            ps.setString(1, bookingId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new PaymentRow(rs.getLong(1), rs.getString(2), PaymentMethod.valueOf(rs.getString(3)),
                            rs.getLong(4), rs.getString(5), rs.getString(6)));
                }
            }
        }
        return rows;
    }

    public Optional<Head> lock(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select id, code, event_id, status, created_at, currency, total_minor, exchanged_from from bookings"
                        + " where id = ? for update")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new Head(rs.getString(1), rs.getString(2), rs.getString(3),
                        BookingStatus.valueOf(rs.getString(4)), rs.getTimestamp(5).toInstant(), rs.getString(6),
                        rs.getLong(7), rs.getString(8)))
                        : Optional.empty();
            }
        }
    }

    public List<ActiveSeat> activeSeats(Connection c, String bookingId) throws SQLException {
        List<ActiveSeat> seats = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select seat_id, category, ticket_type, price_minor from booking_seats
                where booking_id = ? and status = 'ACTIVE' order by seat_id
                """)) {
            ps.setString(1, bookingId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    seats.add(new ActiveSeat(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
                }
            }
        }
        return seats;
    }

    public void endSeats(Connection c, String bookingId, List<String> seatIds, String status, String by, String reason)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                update booking_seats set status = ?, ended_at = now(), ended_by = ?, end_reason = ?
                where booking_id = ? and seat_id = ? and status = 'ACTIVE'
                """)) {
            for (String seatId : seatIds) {
                ps.setString(1, status);
                ps.setString(2, by);
                ps.setString(3, reason);
                ps.setString(4, bookingId);
                ps.setString(5, seatId);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    public void setStatus(Connection c, String bookingId, BookingStatus status) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update bookings set status = ? where id = ?")) {
            ps.setString(1, status.name());
            ps.setString(2, bookingId);
            ps.executeUpdate();
        }
    }

    public void countReprint(Connection c, String bookingId, List<String> seatIds) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "update booking_seats set reprints = reprints + 1 where booking_id = ? and seat_id = any(?)")) {
            ps.setString(1, bookingId);
            ps.setArray(2, c.createArrayOf("text", seatIds.toArray()));
            ps.executeUpdate();
        }
    }

    public Optional<Booking> load(Connection c, String id) throws SQLException {
        Booking head;
        try (PreparedStatement ps = c.prepareStatement("""
                select b.id, b.code, b.event_id, e.title, e.starts_at, b.status, b.customer_name, b.customer_email,
                       b.total_minor, b.currency, b.exchanged_from, b.created_at, b.created_by, b.payment_deadline
                from bookings b join events e on e.id = b.event_id where b.id = ?
                """)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Customer customer = rs.getString(7) == null && rs.getString(8) == null ? null
                        : new Customer(rs.getString(7), rs.getString(8));
                head = new Booking(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), BookingStatus.valueOf(rs.getString(6)), customer, List.of(),
                        List.of(), rs.getLong(9), rs.getString(10), rs.getString(11), rs.getTimestamp(12).toInstant(),
                        rs.getString(13), instant(rs.getTimestamp(14)), null);
            }
        }
        List<BookedSeat> seats = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select s.seat_id, s.event_id, v.section, v.row_label, v.number, s.category, s.ticket_type, s.price_minor,
                       s.status, s.ticket_code, s.qr_payload, s.reprints
                from booking_seats s
                join events e on e.id = s.event_id
                left join venue_seats v on v.venue_id = e.venue_id and v.seat_id = s.seat_id
                where s.booking_id = ? order by s.seat_id collate "C"
                """)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    seats.add(new BookedSeat(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getInt(5), rs.getString(6), rs.getString(7), rs.getLong(8), rs.getString(9),
                            rs.getString(10), rs.getString(11), rs.getInt(12)));
                }
            }
        }
        List<PaymentRecord> payments = new ArrayList<>();
        StripePayment stripe = null;
        try (PreparedStatement ps = c.prepareStatement("""
                select kind, method, amount_minor, tendered_minor, change_minor, coalesce(reference, stripe_intent_id),
                       approved_by, status, created_at, created_by, stripe_intent_id, stripe_client_secret, currency
                from payments where booking_id = ? order by id
                """)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    payments.add(new PaymentRecord(rs.getString(1), PaymentMethod.valueOf(rs.getString(2)), rs.getLong(3),
                            getLong(rs, 4), getLong(rs, 5), rs.getString(6), rs.getString(7), rs.getString(8),
                            rs.getTimestamp(9).toInstant(), rs.getString(10)));
                    if (stripe == null && "PAYMENT".equals(rs.getString(1)) && "STRIPE".equals(rs.getString(2))) {
                        stripe = new StripePayment(rs.getString(11),
                                head.status() == BookingStatus.PENDING_PAYMENT ? rs.getString(12) : null, rs.getLong(3),
                                rs.getString(13), rs.getString(8));
                    }
                }
            }
        }
        return Optional.of(new Booking(head.id(), head.code(), head.eventId(), head.eventTitle(), head.eventStartsAt(),
                head.status(), head.customer(), seats, payments, head.totalMinor(), head.currency(), head.exchangedFrom(),
                head.createdAt(), head.createdBy(), head.paymentDeadline(), stripe));
    }

    /** Ids of bookings matching every given criterion (null = any), newest first. */
    public List<String> search(Connection c, String code, String email, String name, String eventId, int limit)
            throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select id from bookings
                where (?::text is null or code = ?::text)
                  and (?::text is null or lower(customer_email) = lower(?::text))
                  and (?::text is null or lower(customer_name) like '%' || lower(?::text) || '%')
                  and (?::text is null or event_id = ?::text)
                order by created_at desc limit ?
                """)) {
            int i = 1;
            for (String v : new String[]{code, email, name, eventId}) {
                ps.setString(i++, v);
                ps.setString(i++, v);
            }
            ps.setInt(i, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    public List<String> activeSeatIds(Connection c, String eventId) throws SQLException {
        return Rows.strings(c, "select seat_id from booking_seats where event_id = ? and status = 'ACTIVE'", eventId);
    }

    public List<String> blockedSeatIds(Connection c, String eventId) throws SQLException {
        return Rows.strings(c, "select seat_id from seat_blocks where event_id = ?", eventId);
    }

    public List<String> doubleSold(Connection c, String eventId) throws SQLException {
        return Rows.strings(c, """
                select seat_id from booking_seats where event_id = ? and status = 'ACTIVE'
                group by seat_id having count(*) > 1
                """, eventId);
    }


    private static Long getLong(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }


    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
