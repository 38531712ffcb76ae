package dev.curtain.server.booking;

import dev.curtain.model.booking.Booking;
import dev.curtain.model.booking.BookingRequest;
import dev.curtain.model.booking.ExchangeRequest;
import dev.curtain.model.booking.RefundRequest;
import dev.curtain.model.hold.SeatIdsRequest;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;

@Controller("/api")
@Tag(name = "bookings")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class BookingController {

    private final BookingService bookings;

    public BookingController(BookingService bookings) {
        this.bookings = bookings;
    }

    @Post(value = "/bookings", produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Confirm a hold as a booking",
            description = "Idempotency-Key is required: a retry with the same key and body gets the same answer; "
                    + "the same key with another body is 409 IDEMPOTENCY_CONFLICT. Paid by STRIPE, the booking is "
                    + "PENDING_PAYMENT with its seats reserved until paymentDeadline, and stripe.clientSecret confirms "
                    + "the card payment; a split payment (payments) is confirmed when its parts are all paid.")
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = Booking.class)))
    public HttpResponse<String> confirm(@Header("Idempotency-Key") @Nullable String key, @Body BookingRequest request,
                                        Authentication who) {
        BookingService.Answer answer = bookings.confirm(who.getName(), who.getRoles(), key, request);
        return HttpResponse.<String>status(HttpStatus.valueOf(answer.status())).body(answer.body())
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    @Get("/bookings/{id}")
    @Operation(summary = "A booking with its seats, tickets and payments")
    public Booking get(String id, Authentication who) {
        return bookings.get(id, who.getName());
    }

    @Get("/bookings")
    @Operation(summary = "Find bookings by code, customer email, part of the customer's name, or event")
    public List<Booking> find(@QueryValue @Nullable String code, @QueryValue @Nullable String email,
                              @QueryValue @Nullable String name, @QueryValue @Nullable String eventId,
                              Authentication who) {
        return bookings.find(who.getName(), code, email, name, eventId);
    }

    @Post("/bookings/{id}/refund")
    @Operation(summary = "Refund all or some seats (staff; clerks same-day sales only); the seats are for sale again")
    public Booking refund(String id, @Body RefundRequest request, Authentication who) {
        return bookings.refund(id, who.getName(), who.getRoles(), request);
    }

    @Post("/bookings/{id}/exchange")
    @Operation(summary = "Move seats to the seats of your hold (same or another performance), settling the difference")
    public HttpResponse<Booking> exchange(String id, @Body ExchangeRequest request, Authentication who) {
        return HttpResponse.created(bookings.exchange(id, who.getName(), who.getRoles(), request));
    }

    @Post("/bookings/{id}/reprint")
    @Operation(summary = "Count a reprint of tickets (printed marked REPRINT)")
    public Booking reprint(String id, @Body @Nullable SeatIdsRequest request, Authentication who) {
        return bookings.reprint(id, who.getName(), who.getRoles(), request == null ? null : request.seatIds());
    }

    @Get("/tickets/verification-key")
    @Operation(summary = "The Ed25519 public key (X.509, Base64) that verifies ticket QR payloads offline")
    public Map<String, String> verificationKey() {
        return Map.of("algorithm", "Ed25519", "publicKey", bookings.ticketVerificationKey());
    }
}
