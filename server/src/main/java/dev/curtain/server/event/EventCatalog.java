package dev.curtain.server.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.curtain.model.venue.Venue;
import dev.curtain.server.venue.SeatIndex;
import dev.curtain.server.venue.VenueService;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

/**
 * Events and seat indexes in memory, so that the hold path never reads PostgreSQL after the first
 * use of an event on a node. Events do not change once created; a venue's index is shared by all
 * its events.
 */
@Singleton
public class EventCatalog {

    private final EventService events;
    private final VenueService venues;
    private final ObjectMapper json;
    private final ExecutorService blocking;
    private final Map<String, CompletableFuture<LiveEvent>> byEvent = new ConcurrentHashMap<>();
    private final Map<String, SeatIndex> byVenue = new ConcurrentHashMap<>();

    public EventCatalog(EventService events, VenueService venues, ObjectMapper json,
                        @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.events = events;
        this.venues = venues;
        this.json = json;
        this.blocking = blocking;
    }

    /** The event, loaded on a blocking thread the first time; fails with EVENT_NOT_FOUND. */
    public CompletableFuture<LiveEvent> get(String eventId) {
        CompletableFuture<LiveEvent> cached = byEvent.get(eventId);
        if (cached != null && !cached.isCompletedExceptionally()) {
            return cached;
        }
        CompletableFuture<LiveEvent> loading = CompletableFuture.supplyAsync(() -> load(eventId), blocking);
        byEvent.put(eventId, loading);
        loading.whenComplete((e, error) -> {
            if (error != null) {
                byEvent.remove(eventId, loading);
            }
        });
        return loading;
    }

    private LiveEvent load(String eventId) {
        var event = events.get(eventId);
        SeatIndex index = byVenue.computeIfAbsent(event.venueId(), this::loadVenue);
        return new LiveEvent(event, index);
    }

    private SeatIndex loadVenue(String venueId) {
        try {
            return SeatIndex.of(json.readValue(venues.layoutJson(venueId), Venue.class));
        } catch (IOException e) {
            throw new UncheckedIOException("stored layout of venue " + venueId + " is unreadable", e);
        }
    }
}
