package dev.curtain.server.venue;

import dev.curtain.model.venue.Venue;
import dev.curtain.model.venue.VenueSummary;
import dev.curtain.server.auth.Roles;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.uri.UriBuilder;
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

@Controller("/api/venues")
@Tag(name = "venues")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class VenueController {

    private final VenueService venues;

    public VenueController(VenueService venues) {
        this.venues = venues;
    }

    @Get
    @Operation(summary = "All venues, without their seats")
    public List<VenueSummary> list() {
        return venues.list();
    }

    @Get(value = "/{id}", produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "A venue's full layout document")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Venue.class)))
    public String get(String id) {
        // The stored document is served as it is: no parse and re-write of 100,000 seats per request.
        return venues.layoutJson(id);
    }

    @Post
    @Secured({Roles.ADMIN, Roles.MANAGER})
    @Operation(summary = "Create a venue from a layout document (managers)")
    public HttpResponse<Venue> create(@Body Venue venue, Authentication who) {
        Venue created = venues.create(venue, who.getName());
        return HttpResponse.created(created, UriBuilder.of("/api/venues").path(created.id()).build());
    }
}
