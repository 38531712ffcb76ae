package dev.curtain.server.event;

import dev.curtain.model.event.BlockRequest;
import dev.curtain.model.event.EventStats;
import dev.curtain.model.event.SeatBlock;
import dev.curtain.model.ops.IntegrityReport;
import dev.curtain.server.auth.Roles;
import dev.curtain.server.ops.IntegrityService;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

/** A performance's seat blocks, sales figures and integrity check. */
@Controller("/api/events/{eventId}")
@Tag(name = "events")
@ExecuteOn(TaskExecutors.BLOCKING)
public class EventOperationsController {

    private final SeatBlockService blocks;
    private final EventStatsService stats;
    private final IntegrityService integrity;

    public EventOperationsController(SeatBlockService blocks, EventStatsService stats, IntegrityService integrity) {
        this.blocks = blocks;
        this.stats = stats;
        this.integrity = integrity;
    }

    @Get("/blocks")
    @Secured({Roles.ADMIN, Roles.MANAGER, Roles.CLERK})
    @Operation(summary = "Blocked seats with their reasons")
    public List<SeatBlock> listBlocks(String eventId) {
        return blocks.list(eventId);
    }

    @Post("/blocks")
    @Secured({Roles.ADMIN, Roles.MANAGER})
    @Operation(summary = "Block available seats (managers); held, sold or blocked seats refuse with 409")
    public List<SeatBlock> block(String eventId, @Body BlockRequest request, Authentication who) {
        return blocks.block(eventId, request, who.getName());
    }

    @Delete("/blocks")
    @Secured({Roles.ADMIN, Roles.MANAGER})
    @Operation(summary = "Unblock seats (managers)")
    public List<SeatBlock> unblock(String eventId, @Body BlockRequest request, Authentication who) {
        return blocks.unblock(eventId, request, who.getName());
    }

    @Get("/stats")
    @Secured({Roles.ADMIN, Roles.MANAGER, Roles.CLERK})
    @Operation(summary = "Capacity, available, held, sold and blocked seats and the value of active sales")
    public EventStats stats(String eventId) {
        return stats.stats(eventId);
    }

    @Get("/integrity")
    @Secured({Roles.ADMIN, Roles.MANAGER})
    @Operation(summary = "Cross-check PostgreSQL with Redis: every disagreement, by seat")
    public IntegrityReport integrity(String eventId) {
        return integrity.check(eventId);
    }
}
