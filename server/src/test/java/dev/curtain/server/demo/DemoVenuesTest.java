package dev.curtain.server.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.curtain.model.venue.Category;
import dev.curtain.model.venue.Seat;
import dev.curtain.model.venue.SeatTable;
import dev.curtain.model.venue.Shape;
import dev.curtain.model.venue.ShapeKind;
import dev.curtain.model.venue.Venue;
import dev.curtain.model.venue.VenueKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoVenuesTest {

    private static final List<Venue> VENUES = DemoVenues.all();
    private static final Pattern SEAT_ID = Pattern.compile("[A-Za-z0-9._-]{1,40}");
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-f]{6}");
    private static final double EPS = 1e-9;

    @Test
    void allReturnsTheFourVenuesInOrder() {
        assertEquals(List.of("demo-cinema", "demo-theatre", "demo-cabaret", "demo-arena"),
                VENUES.stream().map(Venue::id).toList());
        assertEquals(List.of(VenueKind.CINEMA, VenueKind.THEATRE, VenueKind.CABARET, VenueKind.ARENA),
                VENUES.stream().map(Venue::kind).toList());
        assertEquals(List.of("Screen 1", "The Grand Theatre", "Cabaret Room", "City Arena"),
                VENUES.stream().map(Venue::name).toList());
    }

    @Test
    void isDeterministic() {
        assertEquals(VENUES, DemoVenues.all());
    }

    @Test
    void seatCountsAreAsSpecified() {
        Map<String, Integer> expected = Map.of(
                "demo-cinema", 250, "demo-theatre", 1_800, "demo-cabaret", 120, "demo-arena", 20_000);
        for (Venue venue : VENUES) {
            assertEquals(expected.get(venue.id()), venue.seats().size(), venue.id());
        }
    }

    @Test
    void seatIdsAreUniqueAndWellFormed() {
        for (Venue venue : VENUES) {
            Set<String> ids = new HashSet<>();
            for (Seat seat : venue.seats()) {
                assertTrue(SEAT_ID.matcher(seat.id()).matches(), venue.id() + ": bad id " + seat.id());
                assertTrue(ids.add(seat.id()), venue.id() + ": duplicate id " + seat.id());
                String expectedId = seat.tableId() == null
                        ? seat.section() + "-" + seat.row() + "-" + seat.number()
                        : seat.row() + "-" + seat.number();
                assertEquals(expectedId, seat.id(), venue.id());
            }
        }
    }

    @Test
    void everythingLiesInsideTheVenue() {
        for (Venue venue : VENUES) {
            assertTrue(venue.width() > 0 && venue.height() > 0, venue.id());
            for (Seat seat : venue.seats()) {
                assertInside(venue, seat.x(), seat.y(), seat.w(), seat.h(), "seat " + seat.id());
            }
            for (Shape shape : venue.shapes()) {
                assertInside(venue, shape.x(), shape.y(), shape.w(), shape.h(), "shape " + shape);
            }
            for (SeatTable table : venue.tables()) {
                assertInside(venue, table.x() - table.w() / 2, table.y() - table.h() / 2, table.w(), table.h(),
                        "table " + table.id());
            }
            assertInside(venue, venue.sweetSpot().x(), venue.sweetSpot().y(), 0, 0, "sweet spot");
        }
    }

    @Test
    void categoriesAreDistinctColouredAndCoverEverySeat() {
        for (Venue venue : VENUES) {
            List<Category> categories = venue.categories();
            assertTrue(categories.size() >= 3 && categories.size() <= 4, venue.id() + ": " + categories.size());
            Set<String> ids = categories.stream().map(Category::id).collect(Collectors.toSet());
            assertEquals(categories.size(), ids.size(), venue.id() + ": duplicate category id");
            assertEquals(categories.size(), categories.stream().map(Category::color).distinct().count(),
                    venue.id() + ": duplicate colour");
            for (Category category : categories) {
                assertTrue(COLOUR.matcher(category.color()).matches(), venue.id() + ": " + category);
                assertFalse(category.name() == null || category.name().isBlank(), venue.id() + ": " + category);
            }
            Set<String> used = new HashSet<>();
            for (Seat seat : venue.seats()) {
                assertTrue(ids.contains(seat.category()), venue.id() + ": seat " + seat.id() + " has "
                        + seat.category());
                used.add(seat.category());
            }
            assertEquals(ids, used, venue.id() + ": every category should have seats");
        }
    }

    @Test
    void noTwoSeatsOverlap() {
        for (Venue venue : VENUES) {
            assertNoOverlap(venue);
        }
    }

    @Test
    void cabaretHasTwentyTablesOfFourToEightSeats() {
        Venue cabaret = venue("demo-cabaret");
        assertEquals(20, cabaret.tables().size());
        Map<String, Set<String>> seatsByTable = new HashMap<>();
        for (Seat seat : cabaret.seats()) {
            assertTrue(seat.tableId() != null, "seat without table: " + seat.id());
            assertEquals("FLOOR", seat.section());
            assertEquals(seat.tableId(), seat.row());
            seatsByTable.computeIfAbsent(seat.tableId(), t -> new HashSet<>()).add(seat.id());
        }
        Set<String> tableIds = new HashSet<>();
        Set<Integer> sizes = new TreeSet<>();
        for (SeatTable table : cabaret.tables()) {
            assertTrue(tableIds.add(table.id()), "duplicate table " + table.id());
            int size = table.seatIds().size();
            assertTrue(size >= 4 && size <= 8, table.id() + " has " + size);
            assertEquals(size, new HashSet<>(table.seatIds()).size(), table.id() + " lists a seat twice");
            assertEquals(seatsByTable.get(table.id()), Set.copyOf(table.seatIds()), table.id());
            sizes.add(size);
        }
        assertEquals(seatsByTable.keySet(), tableIds, "every seat's table exists");
        assertTrue(sizes.size() > 1, "table sizes should vary");
        assertTrue(cabaret.tables().stream().map(SeatTable::policy).distinct().count() == 3, "policies should mix");
        assertTrue(cabaret.tables().stream().map(SeatTable::shape).distinct().count() == 2, "shapes should mix");
        assertTrue(hasShape(cabaret, ShapeKind.STAGE));
    }

    @Test
    void cinemaHasAccessibleSeatsAnAisleAndAScreen() {
        Venue cinema = venue("demo-cinema");
        assertTrue(cinema.seats().stream().anyMatch(Seat::accessible));
        assertTrue(hasShape(cinema, ShapeKind.AISLE));
        assertTrue(hasShape(cinema, ShapeKind.SCREEN));
        // the aisle is a real gap: no seat crosses it
        Shape aisle = cinema.shapes().stream().filter(s -> s.kind() == ShapeKind.AISLE).findFirst().orElseThrow();
        for (Seat seat : cinema.seats()) {
            assertFalse(seat.x() < aisle.x() + aisle.w() && aisle.x() < seat.x() + seat.w(),
                    seat.id() + " is in the aisle");
        }
    }

    @Test
    void theatreHasItsSectionsAndFlags() {
        Venue theatre = venue("demo-theatre");
        assertEquals(Set.of("STALLS", "CIRCLE", "BOXES"),
                theatre.seats().stream().map(Seat::section).collect(Collectors.toSet()));
        assertTrue(theatre.seats().stream().anyMatch(Seat::accessible));
        assertTrue(theatre.seats().stream().anyMatch(Seat::restrictedView));
        assertTrue(hasShape(theatre, ShapeKind.STAGE));
        Set<String> labels = theatre.shapes().stream().filter(s -> s.kind() == ShapeKind.LABEL)
                .map(Shape::label).collect(Collectors.toSet());
        assertTrue(labels.containsAll(Set.of("STALLS", "CIRCLE", "BOXES")), labels.toString());
        Map<String, Long> boxes = theatre.seats().stream().filter(s -> s.section().equals("BOXES"))
                .collect(Collectors.groupingBy(Seat::row, Collectors.counting()));
        boxes.forEach((box, seats) -> assertTrue(seats >= 4 && seats <= 6, "box " + box + ": " + seats));
    }

    @Test
    void arenaHasSectionsAroundAStage() {
        Venue arena = venue("demo-arena");
        assertTrue(hasShape(arena, ShapeKind.STAGE));
        assertTrue(hasShape(arena, ShapeKind.AISLE));
        assertTrue(arena.seats().stream().anyMatch(Seat::accessible));
        Set<String> sections = arena.seats().stream().map(Seat::section).collect(Collectors.toSet());
        Set<String> labels = arena.shapes().stream().filter(s -> s.kind() == ShapeKind.LABEL)
                .map(Shape::label).collect(Collectors.toSet());
        assertTrue(labels.containsAll(sections), "every section is labelled");
        Shape stage = arena.shapes().stream().filter(s -> s.kind() == ShapeKind.STAGE).findFirst().orElseThrow();
        assertEquals(arena.width() / 2, stage.x() + stage.w() / 2, 1e-6, "stage centred across");
        assertEquals(arena.height() / 2, stage.y() + stage.h() / 2, 1e-6, "stage centred down");
        // seats on all four sides of the stage
        assertTrue(arena.seats().stream().anyMatch(s -> s.y() + s.h() <= stage.y()));
        assertTrue(arena.seats().stream().anyMatch(s -> s.y() >= stage.y() + stage.h()));
        assertTrue(arena.seats().stream().anyMatch(s -> s.x() + s.w() <= stage.x()));
        assertTrue(arena.seats().stream().anyMatch(s -> s.x() >= stage.x() + stage.w()));
    }

    private static Venue venue(String id) {
        return VENUES.stream().filter(v -> v.id().equals(id)).findFirst().orElseThrow();
    }

    private static boolean hasShape(Venue venue, ShapeKind kind) {
        return venue.shapes().stream().anyMatch(s -> s.kind() == kind);
    }

    private static void assertInside(Venue venue, double x, double y, double w, double h, String what) {
        assertTrue(w >= 0 && h >= 0, venue.id() + ": " + what + " has a negative size");
        assertTrue(x >= -EPS && y >= -EPS && x + w <= venue.width() + EPS && y + h <= venue.height() + EPS,
                venue.id() + ": " + what + " lies outside " + venue.width() + " x " + venue.height());
    }

    /** Buckets seats into grid cells by the cells their rectangles touch, then compares seats sharing a cell. */
    private static void assertNoOverlap(Venue venue) {
        double cell = 32;
        Map<Long, List<Seat>> grid = new HashMap<>();
        for (Seat seat : venue.seats()) {
            assertTrue(seat.w() > 0 && seat.h() > 0, venue.id() + ": " + seat.id() + " has no size");
            long x0 = (long) Math.floor(seat.x() / cell);
            long x1 = (long) Math.floor((seat.x() + seat.w()) / cell);
            long y0 = (long) Math.floor(seat.y() / cell);
            long y1 = (long) Math.floor((seat.y() + seat.h()) / cell);
            for (long cx = x0; cx <= x1; cx++) {
                for (long cy = y0; cy <= y1; cy++) {
                    grid.computeIfAbsent(cx * 1_000_003L + cy, k -> new ArrayList<>()).add(seat);
                }
            }
        }
        for (List<Seat> seats : grid.values()) {
            for (int i = 0; i < seats.size(); i++) {
                for (int j = i + 1; j < seats.size(); j++) {
                    Seat a = seats.get(i);
                    Seat b = seats.get(j);
                    if (a.x() < b.x() + b.w() - EPS && b.x() < a.x() + a.w() - EPS
                            && a.y() < b.y() + b.h() - EPS && b.y() < a.y() + a.h() - EPS) {
                        fail(venue.id() + ": " + a.id() + " overlaps " + b.id());
                    }
                }
            }
        }
    }
}
