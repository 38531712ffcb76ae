package dev.curtain.desktop.simulator;

import dev.curtain.desktop.client.CurtainClient;
import dev.curtain.model.event.Event;
import dev.curtain.model.live.SeatSnapshot;
import dev.curtain.model.venue.Category;
import dev.curtain.model.venue.Point;
import dev.curtain.model.venue.Seat;
import dev.curtain.model.venue.SeatTable;
import dev.curtain.model.venue.Shape;
import dev.curtain.model.venue.ShapeKind;
import dev.curtain.model.venue.TablePolicy;
import dev.curtain.model.venue.Venue;
import dev.curtain.model.venue.VenueKind;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The performance a run aims at and the seats on offer: the best available seats (nearest the venue's sweet
 * spot), or every seat of a throw-away performance made for the run.
 */
record Target(Event event, Venue venue, List<String> offered, boolean throwAway) {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final double PITCH = 12;
    private static final double SEAT = 10;

    /** The chosen performance, as it is now. */
    static Target existing(CurtainClient manager, String eventId, int seats) throws IOException {
        Event event = manager.event(eventId);
        Venue venue = manager.venue(event.venueId());
        return new Target(event, venue, offer(venue, manager.seats(eventId), seats), false);
    }

    /**
     * A fresh performance in a fresh hall of exactly {@code seats} seats (front rows premium), on sale at once,
     * a day ahead, with one-minute holds so that anything a run leaves behind is gone soon.
     */
    static Target throwAway(CurtainClient manager, int seats, String runId, Clock clock) throws IOException {
        Venue venue = manager.createVenue(hall("sim-" + runId, seats));
        Map<String, Map<String, Long>> prices = new LinkedHashMap<>();
        prices.put("PREMIUM", Map.of("adult", 3000L));
        prices.put("STANDARD", Map.of("adult", 2000L));
        Event event = manager.createEvent(new Event(null, venue.id(), "Simulation " + STAMP.format(clock.instant()),
                clock.instant().plus(Duration.ofDays(1)), "EUR", prices, 2 * Event.MIN_HOLD_TTL_SECONDS,
                Event.DEFAULT_MAX_SEATS_PER_HOLD, null, null, null, null, null));
        return new Target(event, venue, offer(venue, null, seats), true);
    }

    /** Up to {@code count} available seats, best first; seats of tables sold whole are left out. */
    static List<String> offer(Venue venue, SeatSnapshot now, int count) {
        Set<String> gone = new HashSet<>();
        if (now != null) {
            gone.addAll(now.held());
            gone.addAll(now.sold());
            gone.addAll(now.blocked());
        }
        Set<String> wholeTables = venue.tables().stream().filter(t -> t.policy() == TablePolicy.WHOLE)
                .map(SeatTable::id).collect(Collectors.toSet());
        Point sweet = venue.sweetSpot() != null ? venue.sweetSpot() : new Point(venue.width() / 2, venue.height() / 2);
        return venue.seats().stream()
                .filter(s -> !gone.contains(s.id()) && (s.tableId() == null || !wholeTables.contains(s.tableId())))
                .sorted(Comparator.comparingDouble((Seat s) -> Math.hypot(s.centerX() - sweet.x(), s.centerY() - sweet.y()))
                        .thenComparing(Seat::id))
                .limit(count).map(Seat::id).toList();
    }

    static Venue hall(String id, int seats) {
        int perRow = (int) Math.max(5, Math.min(50, Math.round(Math.sqrt(seats * 2.0))));
        int rows = (seats + perRow - 1) / perRow;
        int premiumRows = Math.max(1, rows * 3 / 10);
        double width = 20 + perRow * PITCH;
        double height = 60 + rows * PITCH;
        List<Seat> list = new ArrayList<>(seats);
        for (int i = 0; i < seats; i++) {
            int r = i / perRow;
            int n = i % perRow + 1;
            String row = rowLabel(r);
            list.add(new Seat("SIM-" + row + "-" + n, "SIM", row, n, 10 + (n - 1) * PITCH, 40 + r * PITCH, SEAT, SEAT,
                    r < premiumRows ? "PREMIUM" : "STANDARD", false, false, null));
        }
        return new Venue(id, "Simulation hall " + id, VenueKind.OTHER, width, height,
                new Point(width / 2, 40 + rows * PITCH * 0.4),
                List.of(new Category("PREMIUM", "Premium", "#d97706"), new Category("STANDARD", "Standard", "#2563eb")),
                list, List.of(), List.of(new Shape(ShapeKind.STAGE, 10, 5, width - 20, 20, "Stage")));
    }

    /** A, B, … Z, AA, AB, … */
    static String rowLabel(int index) {
        StringBuilder label = new StringBuilder();
        for (int i = index; i >= 0; i = i / 26 - 1) {
            label.insert(0, (char) ('A' + i % 26));
        }
        return label.toString();
    }
}
