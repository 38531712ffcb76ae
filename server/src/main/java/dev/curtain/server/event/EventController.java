package dev.curtain.server.event;

import dev.curtain.model.event.Event;
import dev.curtain.server.auth.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;

@Controller("/api/events")
@Tag(name = "events")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class EventController {

    private final EventService events;

    public EventController(EventService events) {
        this.events = events;
    }

    @Get
    @Operation(summary = "Events starting in [from, to), soonest first (at most 500)",
            description = "from and to are ISO-8601 instants; both are optional.")
    public List<Event> list(@QueryValue @Nullable Instant from, @QueryValue @Nullable Instant to,
                            @QueryValue @Nullable String venueId) {
        return events.list(from, to, venueId);
    }

    @Get("/{id}")
    @Operation(summary = "One event with its prices")
    public Event get(String id) {
        return events.get(id);
    }

    @Post
    @Secured({Roles.ADMIN, Roles.MANAGER})
    @Operation(summary = "Create an event (managers)")
    public HttpResponse<Event> create(@Body Event body, Authentication who) {
        Event created = events.create(body, who.getName());
        return HttpResponse.created(created, UriBuilder.of("/api/events").path(created.id()).build());
    }
}
