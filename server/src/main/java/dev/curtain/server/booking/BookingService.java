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
import dev.curtain.server.db.OneTrip;
import dev.curtain.server.event.EventCatalog;
import dev.curtain.server.event.LiveEvent;
import dev.curtain.server.hold.HoldProblems;
import dev.curtain.server.hold.LedgerFollowUp;
import dev.curtain.server.hold.SeatLedger;
import dev.curtain.server.hold.SeatLedger.Marker;
import dev.curtain.model.booking.PaymentRequest;
import dev.curtain.server.drawer.DrawerService;
import dev.curtain.server.payment.CardPayments;
import dev.curtain.server.payment.CounterPayments;
import dev.curtain.server.payment.CounterPayments.Settlement;
import dev.curtain.server.payment.PaymentsConfiguration;
import dev.curtain.server.payment.RefundAllocation;
import dev.curtain.server.payment.StripeGateway;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
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
    private final DrawerService drawers;
    private final CardPayments cards;
    private final PaymentsConfiguration paymentRules;
    private final ObjectMapper json;
    private final ObjectMapper canonical;
    private final Clock clock;

    public BookingService(Database db, BookingStore store, IdempotencyStore idempotency, EventCatalog catalog,
                          SeatLedger ledger, LedgerFollowUp followUp, CounterPayments payments, TicketSigner signer,
                          AuditLog audit, DrawerService drawers, CardPayments cards, PaymentsConfiguration paymentRules,
                          ObjectMapper json, Clock clock) {
        this.db = db;
        this.store = store;
        this.idempotency = idempotency;
        this.catalog = catalog;
        this.ledger = ledger;
        this.followUp = followUp;
        this.payments = payments;
        this.signer = signer;
        this.audit = audit;
        this.drawers = drawers;
        this.cards = cards;
        this.paymentRules = paymentRules;
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
        // The key is looked up only when something refuses the request: a retry of a finished sale finds
        // its hold gone, and one that still gets the pin is stopped by the key's primary key below.
        LiveEvent event;
        SeatLedger.Pinned pinned;
        try {
            event = eventOfHold(request.holdId());
            pinned = Futures.join(ledger.pin(event, request.holdId(), principal, clock.instant(), PIN_MILLIS));
        } catch (DomainException refused) {
            return replayOr(refused, principal, key, hash);
        }
        Sale sale;
        try {
            sale = record(event, principal, roles, key, hash, request, pinned.seatIds());
            followUp.run("mark sold " + sale.booking().id(),
                    () -> ledger.markSold(event, request.holdId(), pinned.seatIds()));
        } catch (DataAccessFailure failure) {
            if (failure.isUniqueViolation() && "idempotency_keys_pkey".equals(failure.constraint())) {
                Stored stored = db.read(c -> idempotency.find(c, principal, key)).orElseThrow();
                if (!stored.requestHash().equals(hash)) {
                    unpin(event, request.holdId()); // another request's key: this hold was not sold
                }
                // else this very sale is done: its hold is sold, and unpinning it would let it expire
                return replay(stored, hash);
            }
            unpin(event, request.holdId());
            throw translate(failure, request.holdId());
        } catch (DomainException refused) {
            unpin(event, request.holdId());
            return replayOr(refused, principal, key, hash);
        } catch (RuntimeException fault) {
            unpin(event, request.holdId());
            throw fault;
        }
        if (sale.booking().status() == BookingStatus.PENDING_PAYMENT) {
            return startCardPayment(sale.booking().id());
        }
        return new Answer(201, sale.body());
    }

    /**
     * The booking is durable and its seats reserved: now Stripe makes (or finds again) its
     * PaymentIntent. Stripe unreachable → 503 and the same request (same Idempotency-Key) resumes
     * here; should nobody come back, the recovery job releases the seats at the deadline.
     */
    private Answer startCardPayment(String bookingId) {
        try {
            cards.startIntent(bookingId);
        } catch (StripeGateway.Unreachable e) {
            LOG.warn("event=payment_intent_not_created bookingId={} error=\"{}\"", bookingId, e.getMessage());
            throw new DomainException(HttpStatus.SERVICE_UNAVAILABLE, "PAYMENT_PROVIDER_UNAVAILABLE",
                    "Stripe did not answer. The seats stay reserved until " + get(bookingId).paymentDeadline()
                            + "; send the same request again (same Idempotency-Key) to pay.");
        } catch (StripeGateway.Refused e) {
            LOG.warn("event=payment_intent_refused bookingId={} error=\"{}\"", bookingId, e.getMessage());
            cards.abandon(bookingId, e.getMessage());
            throw new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, "PAYMENT_PROVIDER_REFUSED",
                    "Stripe refused to start the card payment; nothing was charged and the seats are for sale again.");
        }
        return new Answer(201, write(get(bookingId)));
    }

    private static List<PaymentRequest> parts(BookingRequest request) {
        if (request.payments() == null || request.payments().isEmpty()) {
            return java.util.Collections.singletonList(request.payment());
        }
        if (request.payment() != null) {
            throw BookingProblems.invalid("payments", "Send one payment, or a split payment as payments, not both.");
        }
        return request.payments();
    }

    /** Cash parts go into the caller's open drawer, in the sale's own transaction. */
    private void takeCash(Connection c, String principal, String currency, String bookingId, List<NewPayment> rows,
                          List<Long> ids) throws SQLException {
        for (int i = 0; i < rows.size(); i++) {
            NewPayment row = rows.get(i);
            if (goesInTheDrawer(row)) {
                drawers.take(c, principal, currency, ids.get(i), bookingId, row.amountMinor());
            }
        }
    }

    private static boolean goesInTheDrawer(NewPayment row) {
        return row.method() == PaymentMethod.CASH && row.amountMinor() != 0;
    }

    /** A recorded sale and its answer, serialised once for both the idempotency row and the response. */
    private record Sale(Booking booking, String body) {
    }

    private Sale record(LiveEvent event, String principal, Collection<String> roles, String key, String hash,
                           BookingRequest request, List<String> seatIds) {
        List<Priced> priced = price(event, seatIds, request.ticketTypes());
        long listTotal = priced.stream().mapToLong(Priced::priceMinor).sum();
        List<Settlement> settled = payments.settleAll(parts(request), listTotal, principal, roles);
        boolean comp = settled.get(0).method() == PaymentMethod.COMP;
        boolean card = settled.stream().anyMatch(s -> s.method() == PaymentMethod.STRIPE);
        Customer customer = customer(request.customer());
        String bookingId = Ids.newId();
        List<NewSeat> seats = new ArrayList<>();
        for (Priced p : priced) {
            String ticketCode = BookingCodes.ticketCode();
            seats.add(new NewSeat(p.seat(), p.ticketType(), comp ? 0 : p.priceMinor(),
                    ticketCode, signer.payload(ticketCode, event.id(), p.seat().id())));
        }
        long total = comp ? 0 : listTotal;
        String currency = event.event().currency();
        List<NewPayment> rows = new ArrayList<>();
        for (Settlement s : settled) {
            rows.add(new NewPayment("PAYMENT", s.method(), comp ? 0 : s.amountMinor(), currency, s.tenderedMinor(),
                    s.changeMinor(), s.reference(), s.approvedBy(), principal,
                    s.method() == PaymentMethod.STRIPE ? "PENDING" : "SUCCEEDED", null));
        }
        Instant deadline = card ? clock.instant().plusSeconds(paymentRules.windowSeconds()) : null;
        Instant createdAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        boolean takesCash = rows.stream().anyMatch(BookingService::goesInTheDrawer);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("eventId", event.id());
        detail.put("seats", seatIds);
        detail.put("totalMinor", total);
        detail.put("method", settled.get(0).method().name());
        if (settled.size() > 1) {
            detail.put("payments", rows.stream().map(r -> Map.of("method", r.method().name(), "amountMinor",
                    r.amountMinor())).toList());
        }
        if (settled.get(0).approvedBy() != null) {
            detail.put("approvedBy", settled.get(0).approvedBy());
        }
        if (card) {
            detail.put("paymentDeadline", deadline.toString());
        }
        return writeWithFreshBookingCode(() -> {
            NewBooking booking = new NewBooking(bookingId, BookingCodes.bookingCode(), event.id(),
                    card ? BookingStatus.PENDING_PAYMENT : BookingStatus.CONFIRMED, customer, total, currency,
                    request.holdId(), null, principal, deadline);
            // Any sale but a card sale is answered with what it writes, so its answer is stored with its
            // key. Without a drawer to take the cash, key, booking, seats, payments and audit entry are
            // then the whole transaction: one round trip to PostgreSQL, committed at its end. A card
            // sale's answer carries its Stripe payment as it is read back.
            Booking written = card ? null : BookingStore.written(booking, createdAt, event.event().title(),
                    event.event().startsAt(), seats, rows);
            String writtenBody = written == null ? null : write(written);
            OneTrip trip = new OneTrip();
            idempotency.claim(trip, principal, key, hash, written == null ? null : 201, writtenBody);
            List<Long> paymentIds = store.insert(trip, booking, createdAt, seats, rows);
            audit.append(trip, principal, card ? "SALE_PENDING_PAYMENT" : "SALE", "booking:" + bookingId, detail);
            if (written != null && !takesCash) {
                db.writeAlone(trip);
                return new Sale(written, writtenBody);
            }
            return db.write(c -> {
                trip.run(c);
                takeCash(c, principal, currency, bookingId, rows, paymentIds);
                if (written != null) {
                    return new Sale(written, writtenBody);
                }
                Booking answer = store.load(c, bookingId).orElseThrow();
                String body = write(answer);
                idempotency.answer(c, principal, key, 201, body);
                return new Sale(answer, body);
            });
        });
    }

    /**
     * Writes a new booking, again with a new code should its code already exist: booking codes are
     * six characters (about 30 bits) so that people can read them out, and among tens of thousands
     * of bookings two codes meet now and then (seen in the benchmark: one sale in 30,000 refused).
     * The attempt must draw its code inside, so each one has a fresh code.
     */
    private <R> R writeWithFreshBookingCode(Supplier<R> attempt) {
        for (int tries = 1; ; tries++) {
            try {
                return attempt.get();
            } catch (DataAccessFailure failure) {
                if (tries == 5 || !failure.isUniqueViolation() || !"bookings_code_key".equals(failure.constraint())) {
                    throw failure;
                }
                LOG.info("event=booking_code_taken attempt={}", tries);
            }
        }
    }

    /** A refusal, unless the key already stands for an answer: then that answer (or the key's conflict). */
    private Answer replayOr(DomainException refused, String principal, String key, String hash) {
        Optional<Stored> earlier = db.read(c -> idempotency.find(c, principal, key));
        if (earlier.isPresent() && earlier.get().status() != null) {
            return replay(earlier.get(), hash);
        }
        throw refused;
    }

    private Answer replay(Stored stored, String hash) {
        if (!stored.requestHash().equals(hash)) {
            throw DomainException.conflict("IDEMPOTENCY_CONFLICT",
                    "This Idempotency-Key was used for a different request; use a new key for a new sale.");
        }
        if (stored.status() == null) {
            throw DomainException.conflict("IDEMPOTENCY_IN_PROGRESS", "The first request with this key is still running.");
        }
        String pending = pendingBookingOf(stored);
        if (pending != null) {
            // The answer was stored before Stripe was asked: resume there, and answer as things stand now.
            return startCardPayment(pending);
        }
        return new Answer(stored.status(), stored.body());
    }

    private String pendingBookingOf(Stored stored) {
        if (stored.status() != 201 || stored.body() == null || !stored.body().contains(BookingStatus.PENDING_PAYMENT.name())) {
            return null;
        }
        try {
            com.fasterxml.jackson.databind.JsonNode body = json.readTree(stored.body());
            return BookingStatus.PENDING_PAYMENT.name().equals(body.path("status").asText()) ? body.path("id").asText() : null;
        } catch (JsonProcessingException e) {
            return null;
        }
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

    /** A booking as the caller may see it: the Stripe client secret only for the booking's creator. */
    public Booking get(String id, String principal) {
        return visible(get(id), principal);
    }

    private static Booking visible(Booking b, String principal) {
        return principal.equals(b.createdBy()) ? b : b.withoutClientSecret();
    }

    public List<Booking> find(String principal, String code, String email, String name, String eventId) {
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
                store.load(c, id).map(b -> visible(b, principal)).ifPresent(found::add);
            }
            return found;
        });
    }

    // ---- refund -------------------------------------------------------------------------------

    public Booking refund(String bookingId, String principal, Collection<String> roles, RefundRequest request) {
        requireStaff(roles);
        String reason = reason(request == null ? null : request.reason());
        List<String> requested = request == null || request.seatIds() == null ? List.of() : request.seatIds();
        record Refunded(String eventId, List<String> seats, List<Long> cardRefunds) {
        }
        Refunded done = db.write(c -> {
            Head head = store.lock(c, bookingId).orElseThrow(() -> BookingProblems.notFound(bookingId));
            requireMayRefund(head, roles);
            List<ActiveSeat> active = store.activeSeats(c, bookingId);
            List<ActiveSeat> target = select(active, requested);
            long amount = target.stream().mapToLong(ActiveSeat::priceMinor).sum();
            requireRefundLimit(amount, roles);
            List<String> seats = target.stream().map(ActiveSeat::seatId).toList();
            store.endSeats(c, bookingId, seats, "REFUNDED", principal, reason);
            List<Long> cardRefunds = new ArrayList<>();
            List<Map<String, Object>> parts = giveBack(c, head, amount, principal, cardRefunds);
            store.setStatus(c, bookingId, target.size() == active.size() ? BookingStatus.REFUNDED : BookingStatus.PARTIALLY_REFUNDED);
            audit.append(c, principal, "REFUND", "booking:" + bookingId,
                    Map.of("seats", seats, "amountMinor", amount, "reason", reason, "refunds", parts));
            return new Refunded(head.eventId(), seats, cardRefunds);
        });
        LiveEvent event = Futures.join(catalog.get(done.eventId()));
        followUp.run("release refunded seats of " + bookingId,
                () -> ledger.makeAvailable(event, Marker.SOLD, done.seats()));
        done.cardRefunds().forEach(cards::settleRefund);
        return get(bookingId, principal);
    }

    /**
     * Records the refund of {@code amount} the way the booking was paid (see {@link RefundAllocation}):
     * card refunds are recorded PENDING and sent to Stripe after the commit ({@code cardRefunds}),
     * cash comes out of the caller's open drawer, and what exchange credit paid for goes back the
     * way the booking it came from was paid.
     */
    private List<Map<String, Object>> giveBack(Connection c, Head head, long amount, String principal, List<Long> cardRefunds)
            throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        for (RefundAllocation.Part part : RefundAllocation.allocate(store.payments(c, head.id()), amount)) {
            PaymentMethod method = part.method();
            long id = store.insertPayment(c, head.id(), new NewPayment("REFUND", method, -part.amountMinor(),
                    head.currency(), null, null, null, null, principal,
                    method == PaymentMethod.STRIPE ? "PENDING" : "SUCCEEDED", part.stripeIntentId()));
            out.add(Map.of("booking", head.id(), "method", method.name(), "amountMinor", part.amountMinor()));
            if (method == PaymentMethod.STRIPE) {
                cardRefunds.add(id);
            } else if (method == PaymentMethod.CASH && part.amountMinor() > 0) {
                drawers.take(c, principal, head.currency(), id, head.id(), -part.amountMinor());
            } else if (method == PaymentMethod.EXCHANGE_CREDIT && part.amountMinor() > 0 && head.exchangedFrom() != null) {
                Head origin = store.lock(c, head.exchangedFrom()).orElseThrow();
                out.addAll(giveBack(c, origin, part.amountMinor(), principal, cardRefunds));
            }
        }
        return out;
    }

    // ---- exchange -----------------------------------------------------------------------------

    /** Moves seats to the caller's hold: the new booking is answered; the old one keeps the history. */
    public Booking exchange(String bookingId, String principal, Collection<String> roles, ExchangeRequest request) {
        requireStaff(roles);
        if (request == null || request.holdId() == null) {
            throw BookingProblems.invalid("holdId", "Hold the new seats first and name the hold (holdId).");
        }
        if (request.payment() != null && request.payment().method() == PaymentMethod.STRIPE) {
            throw new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, "PAYMENT_METHOD_NOT_ALLOWED",
                    "Pay the difference of an exchange at the counter (cash, card terminal or comp).", "payment.method", null);
        }
        String reason = request.reason() == null || request.reason().isBlank() ? "exchange" : reason(request.reason());
        LiveEvent target = eventOfHold(request.holdId());
        SeatLedger.Pinned pinned = Futures.join(ledger.pin(target, request.holdId(), principal, clock.instant(), PIN_MILLIS));
        record Exchanged(String oldEventId, List<String> oldSeats, String newBookingId, List<Long> cardRefunds) {
        }
        Exchanged done;
        try {
            List<Priced> priced = price(target, pinned.seatIds(), request.ticketTypes());
            long newTotal = priced.stream().mapToLong(Priced::priceMinor).sum();
            done = writeWithFreshBookingCode(() -> db.write(c -> {
                Head head = store.lock(c, bookingId).orElseThrow(() -> BookingProblems.notFound(bookingId));
                requireMayRefund(head, roles);
                if (!head.currency().equals(target.event().currency())) {
                    throw BookingProblems.invalid("holdId", "The new performance is sold in another currency.");
                }
                List<ActiveSeat> active = store.activeSeats(c, bookingId);
                List<ActiveSeat> leaving = select(active, request.seatIds() == null ? List.of() : request.seatIds());
                long credit = leaving.stream().mapToLong(ActiveSeat::priceMinor).sum();
                long difference = newTotal - credit;
                // The new booking is paid by the credit of the seats it replaces (up to its price), plus
                // the difference; a credit left over is refunded the way the old booking was paid.
                long carried = Math.min(credit, newTotal);
                List<NewPayment> newPayments = new ArrayList<>();
                newPayments.add(new NewPayment("PAYMENT", PaymentMethod.EXCHANGE_CREDIT, carried, head.currency(),
                        null, null, head.code(), null, principal));
                if (difference > 0) {
                    Settlement s = payments.settle(request.payment(), difference, principal, roles);
                    newPayments.add(new NewPayment("PAYMENT", s.method(), s.method() == PaymentMethod.COMP ? 0 : difference,
                            head.currency(), s.tenderedMinor(), s.changeMinor(), s.reference(), s.approvedBy(), principal));
                }
                List<String> leavingIds = leaving.stream().map(ActiveSeat::seatId).toList();
                store.endSeats(c, bookingId, leavingIds, "EXCHANGED", principal, reason);
                store.insertPayment(c, bookingId, new NewPayment("REFUND", PaymentMethod.EXCHANGE_CREDIT, -carried,
                        head.currency(), null, null, null, null, principal));
                List<Long> cardRefunds = new ArrayList<>();
                if (difference < 0) {
                    requireRefundLimit(-difference, roles);
                    giveBack(c, head, -difference, principal, cardRefunds);
                }
                store.setStatus(c, bookingId, leaving.size() == active.size() ? BookingStatus.EXCHANGED
                        : BookingStatus.PARTIALLY_REFUNDED);
                String newId = Ids.newId();
                List<NewSeat> seats = new ArrayList<>();
                for (Priced p : priced) {
                    String ticketCode = BookingCodes.ticketCode();
                    seats.add(new NewSeat(p.seat(), p.ticketType(), p.priceMinor(), ticketCode,
                            signer.payload(ticketCode, target.id(), p.seat().id())));
                }
                Customer customer = customerOf(c, bookingId);
                OneTrip trip = new OneTrip();
                List<Long> ids = store.insert(trip, new NewBooking(newId, BookingCodes.bookingCode(), target.id(),
                        BookingStatus.CONFIRMED, customer, newTotal, head.currency(), request.holdId(), bookingId, principal),
                        clock.instant().truncatedTo(ChronoUnit.MICROS), seats, newPayments);
                audit.append(trip, principal, "EXCHANGE", "booking:" + bookingId, Map.of("newBooking", newId,
                        "from", leavingIds, "to", pinned.seatIds(), "differenceMinor", difference, "reason", reason));
                trip.run(c);
                takeCash(c, principal, head.currency(), newId, newPayments, ids);
                return new Exchanged(head.eventId(), leavingIds, newId, cardRefunds);
            }));
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
        done.cardRefunds().forEach(cards::settleRefund);
        return get(done.newBookingId(), principal);
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

    private void requireRefundLimit(long amount, Collection<String> roles) {
        long limit = paymentRules.clerkRefundLimitMinor();
        if (amount > limit && roles.stream().noneMatch(MANAGERS::contains)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "REFUND_NEEDS_MANAGER", "Clerks give back at most "
                    + CounterPayments.money(limit) + " at a time; ask a manager for this refund of "
                    + CounterPayments.money(amount) + ".", null, null);
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
