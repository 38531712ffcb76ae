package dev.curtain.server.hold;

import dev.curtain.model.hold.BestRequest;
import dev.curtain.model.hold.Hold;
import dev.curtain.model.hold.HoldRequest;
import dev.curtain.model.hold.SeatIdsRequest;
import dev.curtain.model.live.SeatSnapshot;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.concurrent.CompletableFuture;

/**
 * Seat holds and the seat snapshot. Non-blocking end to end: answers are futures of Redis calls,
 * so no Netty event-loop thread ever waits.
 */
@Controller("/api")
@Tag(name = "holds")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class HoldController {

    private final HoldService holds;

    public HoldController(HoldService holds) {
        this.holds = holds;
    }

    @Get("/events/{eventId}/seats")
    @Operation(summary = "Every seat that is not available, at the event's current version, and your own holds")
    public CompletableFuture<SeatSnapshot> seats(String eventId, Authentication who) {
        return holds.snapshot(eventId, who.getName());
    }

    @Post("/events/{eventId}/holds")
    @Operation(summary = "Hold seats (by seatIds, tableId or best), all or nothing",
            description = "409 SEATS_UNAVAILABLE names every seat that stopped the hold.")
    public CompletableFuture<HttpResponse<Hold>> create(String eventId, @Body HoldRequest request, Authentication who) {
        return holds.create(eventId, who.getName(), request)
                .thenApply(h -> HttpResponse.created(h, UriBuilder.of("/api/holds").path(h.holdId()).build()));
    }

    @Get("/holds/{holdId}")
    @Operation(summary = "One of your holds")
    public CompletableFuture<Hold> get(String holdId, Authentication who) {
        return holds.get(holdId, who.getName());
    }

    @Post("/holds/{holdId}/seats")
    @Operation(summary = "Grow a hold by more seats, all or nothing")
    public CompletableFuture<Hold> addSeats(String holdId, @Body SeatIdsRequest request, Authentication who) {
        return holds.addSeats(holdId, who.getName(), request.seatIds());
    }

    @Delete("/holds/{holdId}/seats/{seatId}")
    @Operation(summary = "Remove one seat from a hold; removing the last seat releases the hold (204)")
    public CompletableFuture<HttpResponse<Hold>> removeSeat(String holdId, String seatId, Authentication who) {
        return holds.removeSeat(holdId, who.getName(), seatId)
                .thenApply(h -> h.<HttpResponse<Hold>>map(HttpResponse::ok).orElseGet(HttpResponse::noContent));
    }

    @Post("/holds/{holdId}/extend")
    @Operation(summary = "Extend a hold by the event's hold time, up to the maximum hold lifetime")
    public CompletableFuture<Hold> extend(String holdId, Authentication who) {
        return holds.extend(holdId, who.getName());
    }

    @Post("/holds/{holdId}/next-best")
    @Operation(summary = "Swap a hold for the next best block (a different one), in one atomic step")
    public CompletableFuture<HttpResponse<Hold>> nextBest(String holdId, @Body BestRequest best, Authentication who) {
        return holds.nextBest(holdId, who.getName(), best)
                .thenApply(h -> HttpResponse.created(h, UriBuilder.of("/api/holds").path(h.holdId()).build()));
    }

    @Delete("/holds/{holdId}")
    @Operation(summary = "Release a hold")
    public CompletableFuture<HttpResponse<Void>> release(String holdId, Authentication who) {
        return holds.release(holdId, who.getName()).thenApply(v -> HttpResponse.noContent());
    }
}
