package dev.curtain.server.booking;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.curtain.model.booking.Booking;
import dev.curtain.model.booking.BookingRequest;
import dev.curtain.model.booking.BookingStatus;
import dev.curtain.model.booking.Customer;
import dev.curtain.model.booking.ExchangeRequest;
import dev.curtain.model.booking.PaymentMethod;
import dev.curtain.model.booking.RefundRequest;
import dev.curtain.model.venue.Seat;
import dev.curtain.server.audit.AuditLog;
import dev.curtain.server.auth.Roles;
import dev.curtain.server.booking.BookingStore.ActiveSeat;
import dev.curtain.server.booking.BookingStore.Head;
import dev.curtain.server.booking.BookingStore.NewBooking;
import dev.curtain.server.booking.BookingStore.NewPayment;
import dev.curtain.server.booking.BookingStore.NewSeat;
import dev.curtain.server.booking.IdempotencyStore.Stored;
import dev.curtain.server.db.Database;
import dev.curtain.server.db.Database.DataAccessFailure;
import dev.curtain.server.db.Ids;
import dev.curtain.server.event.EventCatalog;
import dev.curtain.server.event.LiveEvent;
import dev.curtain.server.hold.HoldProblems;
import dev.curtain.server.hold.LedgerFollowUp;
import dev.curtain.server.hold.SeatLedger;
import dev.curtain.server.hold.SeatLedger.Marker;
import dev.curtain.server.payment.CounterPayments;
import dev.curtain.server.payment.CounterPayments.Settlement;
import dev.curtain.server.web.DomainException;
import io.micronaut.http.HttpStatus;
import dev.curtain.server.web.Futures;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sales that last: a hold becomes a booking in one PostgreSQL transaction (a unique index refuses
 * a second active sale of any seat), then Redis marks the seats sold. Idempotency keys make
 * retries safe; refunds and exchanges return seats to sale.
 */
@Singleton
public class BookingService {

    private static final Logger LOG = LoggerFactory.getLogger(BookingService.class);
    static final long PIN_MILLIS = 30_000;
    private static final Set<String> STAFF = Set.of(Roles.ADMIN, Roles.MANAGER, Roles.CLERK);
    private static final Set<String> MANAGERS = Set.of(Roles.ADMIN, Roles.MANAGER);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int MAX_KEY_LENGTH = 200;

    /** A stored answer: replayed byte for byte when the same request comes again. */
    public record Answer(int status, String body) {
    }

    private record Priced(Seat seat, String ticketType, long priceMinor) {
    }

    private final Database db;
    private final BookingStore store;
    private final IdempotencyStore idempotency;
    private final EventCatalog catalog;
    private final SeatLedger ledger;
    private final LedgerFollowUp followUp;
    private final CounterPayments payments;
    private final TicketSigner signer;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final ObjectMapper canonical;
    private final Clock clock;

    public BookingService(Database db, BookingStore store, IdempotencyStore idempotency, EventCatalog catalog,
                          SeatLedger ledger, LedgerFollowUp followUp, CounterPayments payments, TicketSigner signer,
                          AuditLog audit, ObjectMapper json, Clock clock) {
        this.db = db;
        this.store = store;
        this.idempotency = idempotency;
        this.catalog = catalog;
        this.ledger = ledger;
        this.followUp = followUp;
        this.payments = payments;
        this.signer = signer;
        this.audit = audit;
        this.json = json;
        this.canonical = JsonMapper.builder().configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
                .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true).build();
        this.clock = clock;
    }

    // ---- confirm ----------------------------------------------------------------------------

    public Answer confirm(String principal, Collection<String> roles, String key, BookingRequest request) {
        if (key == null || key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "IDEMPOTENCY_KEY_REQUIRED",
                    "Send an Idempotency-Key header (1-" + MAX_KEY_LENGTH + " characters) so a retry can never sell twice.",
                    "Idempotency-Key", null);
        }
        if (request == null || request.holdId() == null || request.holdId().isBlank()) {
            throw BookingProblems.invalid("holdId", "holdId is required: confirm a hold you made.");
        }
        String hash = hash(request);
        Optional<Stored> earlier = db.read(c -> idempotency.find(c, principal, key));
        if (earlier.isPresent()) {
            return replay(earlier.get(), hash);
        }
        LiveEvent event = eventOfHold(request.holdId());
        SeatLedger.Pinned pinned;
        try {
            pinned = Futures.join(ledger.pin(event, request.holdId(), principal, clock.instant(), PIN_MILLIS));
        } catch (DomainException refused) {
            // A concurrent retry with the same key may have just confirmed this hold.
            Optional<Stored> meanwhile = db.read(c -> idempotency.find(c, principal, key));
            if (meanwhile.isPresent() && meanwhile.get().status() != null) {
                return replay(meanwhile.get(), hash);
            }
            throw refused;
        }
        try {
            Booking booking = record(event, principal, roles, key, hash, request, pinned.seatIds());
            followUp.run("mark sold " + booking.id(),
                    () -> ledger.markSold(event, request.holdId(), pinned.seatIds()));
            return new Answer(201, write(booking));
        } catch (DataAccessFailure failure) {
            unpin(event, request.holdId());
            if (failure.isUniqueViolation() && "idempotency_keys_pkey".equals(failure.constraint())) {
                return replay(db.read(c -> idempotency.find(c, principal, key)).orElseThrow(), hash);
            }
            throw translate(failure, request.holdId());
        } catch (RuntimeException refused) {
            unpin(event, request.holdId());
            throw refused;
        }
    }

    private Booking record(LiveEvent event, String principal, Collection<String> roles, String key, String hash,
                           BookingRequest request, List<String> seatIds) {
        List<Priced> priced = price(event, seatIds, request.ticketTypes());
        long listTotal = priced.stream().mapToLong(Priced::priceMinor).sum();
        Settlement settlement = payments.settle(request.payment(), listTotal, principal, roles);
        boolean comp = settlement.method() == PaymentMethod.COMP;
        Customer customer = customer(request.customer());
        String bookingId = Ids.newId();
        List<NewSeat> seats = new ArrayList<>();
        for (Priced p : priced) {
            String ticketCode = BookingCodes.ticketCode();
            seats.add(new NewSeat(p.seat().id(), p.seat().category(), p.ticketType(), comp ? 0 : p.priceMinor(),
                    ticketCode, signer.payload(ticketCode, event.id(), p.seat().id())));
        }
        long total = comp ? 0 : listTotal;
        NewPayment payment = new NewPayment("PAYMENT", settlement.method(), total, event.event().currency(),
                settlement.tenderedMinor(), settlement.changeMinor(), settlement.reference(), settlement.approvedBy(),
                principal);
        return db.write(c -> {
            idempotency.claim(c, principal, key, hash);
            store.insert(c, new NewBooking(bookingId, BookingCodes.bookingCode(), event.id(), BookingStatus.CONFIRMED,
                    customer, total, event.event().currency(), request.holdId(), null, principal), seats, List.of(payment));
            Booking booking = store.load(c, bookingId).orElseThrow();
            idempotency.answer(c, principal, key, 201, write(booking));
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("eventId", event.id());
            detail.put("seats", seatIds);
            detail.put("totalMinor", total);
            detail.put("method", settlement.method().name());
            if (settlement.approvedBy() != null) {
                detail.put("approvedBy", settlement.approvedBy());
            }
            audit.append(c, principal, "SALE", "booking:" + bookingId, detail);
            return booking;
        });
    }

    private Answer replay(Stored stored, String hash) {
        if (!stored.requestHash().equals(hash)) {
            throw DomainException.conflict("IDEMPOTENCY_CONFLICT",
                    "This Idempotency-Key was used for a different request; use a new key for a new sale.");
        }
        if (stored.status() == null) {
            throw DomainException.conflict("IDEMPOTENCY_IN_PROGRESS", "The first request with this key is still running.");
        }
        return new Answer(stored.status(), stored.body());
    }

    private DomainException translate(DataAccessFailure failure, String holdId) {
        if (failure.isUniqueViolation()) {
            return DomainException.conflict("HOLD_ALREADY_CONFIRMED",
                    "Hold " + holdId + " has already been confirmed as a booking.");
        }
        if ("23514".equals(failure.sqlState())) {
            return HoldProblems.unavailable(List.of());
        }
        LOG.error("event=booking_not_recorded holdId={}", holdId, failure);
        return new DomainException(HttpStatus.SERVICE_UNAVAILABLE, "BOOKING_NOT_RECORDED",
                "The sale could not be recorded, so nothing was sold; the hold is still yours. Try again.");
    }

    private void unpin(LiveEvent event, String holdId) {
        ledger.unpin(event, holdId).exceptionally(e -> {
            LOG.warn("event=unpin_failed holdId={} error={}", holdId, e.toString());
            return null;
        });
    }

    // ---- read ---------------------------------------------------------------------------------

    public Booking get(String id) {
        return db.read(c -> store.load(c, id)).orElseThrow(() -> BookingProblems.notFound(id));
    }

    public List<Booking> find(String code, String email, String name, String eventId) {
        if (code == null && email == null && name == null && eventId == null) {
            throw BookingProblems.invalid("code", "Search by code, email, name or eventId.");
        }
        if (name != null && name.strip().length() < 2) {
            throw BookingProblems.invalid("name", "Type at least two letters of the name.");
        }
        String normalized = code == null ? null : BookingCodes.normalize(code);
        return db.read(c -> {
            List<Booking> found = new ArrayList<>();
            for (String id : store.search(c, normalized, blankToNull(email), blankToNull(name), eventId, 50)) {
                store.load(c, id).ifPresent(found::add);
            }
            return found;
        });
    }

    // ---- refund -------------------------------------------------------------------------------

    public Booking refund(String bookingId, String principal, Collection<String> roles, RefundRequest request) {
        requireStaff(roles);
        String reason = reason(request == null ? null : request.reason());
        List<String> requested = request == null || request.seatIds() == null ? List.of() : request.seatIds();
        record Refunded(String eventId, List<String> seats) {
        }
        Refunded done = db.write(c -> {
            Head head = store.lock(c, bookingId).orElseThrow(() -> BookingProblems.notFound(bookingId));
            requireMayRefund(head, roles);
            List<ActiveSeat> active = store.activeSeats(c, bookingId);
            List<ActiveSeat> target = select(active, requested);
            long amount = target.stream().mapToLong(ActiveSeat::priceMinor).sum();
            List<String> seats = target.stream().map(ActiveSeat::seatId).toList();
            store.endSeats(c, bookingId, seats, "REFUNDED", principal, reason);
            store.insertPayment(c, bookingId, new NewPayment("REFUND", store.firstPaymentMethod(c, bookingId), -amount,
                    head.currency(), null, null, null, null, principal));
            store.setStatus(c, bookingId, target.size() == active.size() ? BookingStatus.REFUNDED : BookingStatus.PARTIALLY_REFUNDED);
            audit.append(c, principal, "REFUND", "booking:" + bookingId,
                    Map.of("seats", seats, "amountMinor", amount, "reason", reason));
            return new Refunded(head.eventId(), seats);
        });
        LiveEvent event = Futures.join(catalog.get(done.eventId()));
        followUp.run("release refunded seats of " + bookingId,
                () -> ledger.makeAvailable(event, Marker.SOLD, done.seats()));
        return get(bookingId);
    }

    // ---- exchange -----------------------------------------------------------------------------

    /** Moves seats to the caller's hold: the new booking is answered; the old one keeps the history. */
    public Booking exchange(String bookingId, String principal, Collection<String> roles, ExchangeRequest request) {
        requireStaff(roles);
        if (request == null || request.holdId() == null) {
            throw BookingProblems.invalid("holdId", "Hold the new seats first and name the hold (holdId).");
        }
        String reason = request.reason() == null || request.reason().isBlank() ? "exchange" : reason(request.reason());
        LiveEvent target = eventOfHold(request.holdId());
        SeatLedger.Pinned pinned = Futures.join(ledger.pin(target, request.holdId(), principal, clock.instant(), PIN_MILLIS));
        record Exchanged(String oldEventId, List<String> oldSeats, String newBookingId) {
        }
        Exchanged done;
        try {
            List<Priced> priced = price(target, pinned.seatIds(), request.ticketTypes());
            long newTotal = priced.stream().mapToLong(Priced::priceMinor).sum();
            done = db.write(c -> {
                Head head = store.lock(c, bookingId).orElseThrow(() -> BookingProblems.notFound(bookingId));
                requireMayRefund(head, roles);
                if (!head.currency().equals(target.event().currency())) {
                    throw BookingProblems.invalid("holdId", "The new performance is sold in another currency.");
                }
                List<ActiveSeat> active = store.activeSeats(c, bookingId);
                List<ActiveSeat> leaving = select(active, request.seatIds() == null ? List.of() : request.seatIds());
                long credit = leaving.stream().mapToLong(ActiveSeat::priceMinor).sum();
                long difference = newTotal - credit;
                PaymentMethod original = store.firstPaymentMethod(c, bookingId);
                // The new booking is paid by the credit of the seats it replaces, plus or minus the difference.
                List<NewPayment> newPayments = new ArrayList<>();
                newPayments.add(new NewPayment("PAYMENT", PaymentMethod.EXCHANGE_CREDIT, credit, head.currency(),
                        null, null, head.code(), null, principal));
                if (difference > 0) {
                    Settlement s = payments.settle(request.payment(), difference, principal, roles);
                    newPayments.add(new NewPayment("PAYMENT", s.method(), s.method() == PaymentMethod.COMP ? 0 : difference,
                            head.currency(), s.tenderedMinor(), s.changeMinor(), s.reference(), s.approvedBy(), principal));
                } else if (difference < 0) {
                    newPayments.add(new NewPayment("REFUND", original, difference, head.currency(), null, null, null, null,
                            principal));
                }
                List<String> leavingIds = leaving.stream().map(ActiveSeat::seatId).toList();
                store.endSeats(c, bookingId, leavingIds, "EXCHANGED", principal, reason);
                store.insertPayment(c, bookingId, new NewPayment("REFUND", PaymentMethod.EXCHANGE_CREDIT, -credit,
                        head.currency(), null, null, null, null, principal));
                store.setStatus(c, bookingId, leaving.size() == active.size() ? BookingStatus.EXCHANGED
                        : BookingStatus.PARTIALLY_REFUNDED);
                String newId = Ids.newId();
                List<NewSeat> seats = new ArrayList<>();
                for (Priced p : priced) {
                    String ticketCode = BookingCodes.ticketCode();
                    seats.add(new NewSeat(p.seat().id(), p.seat().category(), p.ticketType(), p.priceMinor(), ticketCode,
                            signer.payload(ticketCode, target.id(), p.seat().id())));
                }
                Customer customer = customerOf(c, bookingId);
                store.insert(c, new NewBooking(newId, BookingCodes.bookingCode(), target.id(), BookingStatus.CONFIRMED,
                        customer, newTotal, head.currency(), request.holdId(), bookingId, principal), seats, newPayments);
                audit.append(c, principal, "EXCHANGE", "booking:" + bookingId, Map.of("newBooking", newId,
                        "from", leavingIds, "to", pinned.seatIds(), "differenceMinor", difference, "reason", reason));
                return new Exchanged(head.eventId(), leavingIds, newId);
            });
        } catch (DataAccessFailure failure) {
            unpin(target, request.holdId());
            throw translate(failure, request.holdId());
        } catch (RuntimeException refused) {
            unpin(target, request.holdId());
            throw refused;
        }
        LiveEvent oldEvent = Futures.join(catalog.get(done.oldEventId()));
        followUp.run("mark exchanged seats sold " + done.newBookingId(),
                () -> ledger.markSold(target, request.holdId(), pinned.seatIds()));
        followUp.run("release exchanged seats of " + bookingId,
                () -> ledger.makeAvailable(oldEvent, Marker.SOLD, done.oldSeats()));
        return get(done.newBookingId());
    }

    // ---- reprint ------------------------------------------------------------------------------

    public Booking reprint(String bookingId, String principal, Collection<String> roles, List<String> seatIds) {
        requireStaff(roles);
        db.write(c -> {
            store.lock(c, bookingId).orElseThrow(() -> BookingProblems.notFound(bookingId));
            List<String> seats = select(store.activeSeats(c, bookingId), seatIds == null ? List.of() : seatIds)
                    .stream().map(ActiveSeat::seatId).toList();
            store.countReprint(c, bookingId, seats);
            audit.append(c, principal, "REPRINT", "booking:" + bookingId, Map.of("seats", seats));
            return null;
        });
        return get(bookingId);
    }

    public String ticketVerificationKey() {
        return signer.publicKey();
    }

    // ---- helpers ------------------------------------------------------------------------------

    private LiveEvent eventOfHold(String holdId) {
        int dot = holdId.indexOf('.');
        if (dot <= 0) {
            throw HoldProblems.holdNotFound(holdId);
        }
        try {
            return Futures.join(catalog.get(holdId.substring(0, dot)));
        } catch (DomainException e) {
            throw "EVENT_NOT_FOUND".equals(e.code()) ? HoldProblems.holdNotFound(holdId) : e;
        }
    }

    private List<Priced> price(LiveEvent event, List<String> seatIds, Map<String, String> ticketTypes) {
        Map<String, String> types = ticketTypes == null ? Map.of() : ticketTypes;
        for (String seatId : types.keySet()) {
            if (!seatIds.contains(seatId)) {
                throw BookingProblems.invalid("ticketTypes." + seatId, "Seat " + seatId + " is not part of this hold.");
            }
        }
        List<Priced> priced = new ArrayList<>();
        for (String seatId : seatIds) {
            Seat seat = event.seats().seat(seatId);
            Map<String, Long> prices = event.event().prices().getOrDefault(seat.category(), Map.of());
            String type = types.getOrDefault(seatId, prices.keySet().stream().findFirst().orElse(null));
            Long amount = type == null ? null : prices.get(type);
            if (amount == null) {
                throw new DomainException(HttpStatus.BAD_REQUEST, "UNKNOWN_TICKET_TYPE", "Seat " + seatId + " ("
                        + seat.category() + ") has no ticket type '" + type + "'; choose one of " + prices.keySet() + ".",
                        "ticketTypes." + seatId, null);
            }
            priced.add(new Priced(seat, type, amount));
        }
        return priced;
    }

    private static Customer customer(Customer c) {
        if (c == null) {
            return null;
        }
        String name = blankToNull(c.name());
        String email = blankToNull(c.email());
        if (name != null && name.length() > 200) {
            throw BookingProblems.invalid("customer.name", "The customer's name may have at most 200 characters.");
        }
        if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            throw BookingProblems.invalid("customer.email", "'" + email + "' is not an email address.");
        }
        return name == null && email == null ? null : new Customer(name == null ? null : name.strip(), email);
    }

    private Customer customerOf(Connection c, String bookingId) throws SQLException {
        return store.load(c, bookingId).map(b -> b.customer()).orElse(null);
    }

    private static List<ActiveSeat> select(List<ActiveSeat> active, List<String> requested) {
        if (active.isEmpty()) {
            throw DomainException.conflict("NOTHING_TO_REFUND", "This booking has no active seats left.");
        }
        if (requested.isEmpty()) {
            return active;
        }
        Map<String, ActiveSeat> byId = new HashMap<>();
        active.forEach(s -> byId.put(s.seatId(), s));
        List<ActiveSeat> out = new ArrayList<>();
        for (String id : new java.util.LinkedHashSet<>(requested)) {
            ActiveSeat seat = byId.get(id);
            if (seat == null) {
                throw DomainException.conflict("SEAT_NOT_ACTIVE",
                        "Seat " + id + " is not an active seat of this booking (never part of it, refunded or exchanged).");
            }
            out.add(seat);
        }
        return out;
    }

    private void requireMayRefund(Head head, Collection<String> roles) {
        if (head.status() == BookingStatus.PENDING_PAYMENT || head.status() == BookingStatus.EXPIRED) {
            throw DomainException.conflict("BOOKING_NOT_PAID", "This booking was never paid; nothing can be refunded.");
        }
        boolean manager = roles.stream().anyMatch(MANAGERS::contains);
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        if (!manager && !head.createdAt().atZone(ZoneOffset.UTC).toLocalDate().equals(today)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "REFUND_NEEDS_MANAGER",
                    "Clerks refund and exchange same-day sales only; ask a manager.", null, null);
        }
    }

    private static void requireStaff(Collection<String> roles) {
        if (roles.stream().noneMatch(STAFF::contains)) {
            throw BookingProblems.staffOnly();
        }
    }

    private static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw BookingProblems.invalid("reason", "Give a reason.");
        }
        if (reason.length() > 500) {
            throw BookingProblems.invalid("reason", "The reason may have at most 500 characters.");
        }
        return reason.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private String hash(BookingRequest request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Booking booking) {
        try {
            return json.writeValueAsString(booking);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

}
