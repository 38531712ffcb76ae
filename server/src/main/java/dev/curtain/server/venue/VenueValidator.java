package dev.curtain.server.venue;

import dev.curtain.model.venue.Category;
import dev.curtain.model.venue.Point;
import dev.curtain.model.venue.Seat;
import dev.curtain.model.venue.SeatTable;
import dev.curtain.model.venue.Shape;
import dev.curtain.model.venue.Venue;
import dev.curtain.server.web.DomainException;
import io.micronaut.http.HttpStatus;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a venue layout before anything is stored and names the first offending item
 * ({@code seats[12].category}) in plain words.
 */
public final class VenueValidator {

    public static final int MAX_SEATS = 100_000;
    public static final double MAX_EXTENT = 1_000_000;
    static final Pattern VENUE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    static final Pattern ITEM_ID = Pattern.compile("[A-Za-z0-9._-]{1,40}");
    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");

    private VenueValidator() {
    }

    public static void validate(Venue v) {
        if (v.id() != null && !VENUE_ID.matcher(v.id()).matches()) {
            fail("id", "Venue id '" + v.id() + "' must be 1-64 lowercase letters, digits or '-'.");
        }
        requireText("name", v.name(), 200);
        if (v.kind() == null) {
            fail("kind", "kind is required (CINEMA, THEATRE, CONCERT_HALL, CABARET, ARENA or OTHER).");
        }
        if (!(v.width() > 0 && v.width() <= MAX_EXTENT) || !(v.height() > 0 && v.height() <= MAX_EXTENT)) {
            fail("width", "width and height must be positive layout units up to " + (long) MAX_EXTENT + ".");
        }
        Point sweet = v.sweetSpot();
        if (sweet != null && !inside(v, sweet.x(), sweet.y(), 0, 0)) {
            fail("sweetSpot", "sweetSpot (" + sweet.x() + ", " + sweet.y() + ") lies outside the layout.");
        }
        Set<String> categories = checkCategories(v);
        Set<String> tableIds = new HashSet<>();
        for (int i = 0; i < v.tables().size(); i++) {
            SeatTable t = v.tables().get(i);
            String at = "tables[" + i + "]";
            if (t == null || t.id() == null || !ITEM_ID.matcher(t.id()).matches()) {
                fail(at + ".id", "Table " + i + " needs an id of 1-40 letters, digits, '.', '_' or '-'.");
            }
            if (!tableIds.add(t.id())) {
                fail(at + ".id", "Table id '" + t.id() + "' is used twice.");
            }
        }
        Map<String, Seat> seats = checkSeats(v, categories, tableIds);
        checkTables(v, seats);
        checkShapes(v);
    }

    private static Set<String> checkCategories(Venue v) {
        if (v.categories().isEmpty()) {
            fail("categories", "A venue needs at least one price category.");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < v.categories().size(); i++) {
            Category c = v.categories().get(i);
            String at = "categories[" + i + "]";
            if (c == null || c.id() == null || !ITEM_ID.matcher(c.id()).matches()) {
                fail(at + ".id", "Category " + i + " needs an id of 1-40 letters, digits, '.', '_' or '-'.");
            }
            if (!ids.add(c.id())) {
                fail(at + ".id", "Category id '" + c.id() + "' is used twice.");
            }
            requireText(at + ".name", c.name(), 100);
            if (c.color() == null || !COLOR.matcher(c.color()).matches()) {
                fail(at + ".color", "Category '" + c.id() + "' needs a colour like #3b82f6.");
            }
        }
        return ids;
    }

    private static Map<String, Seat> checkSeats(Venue v, Set<String> categories, Set<String> tableIds) {
        if (v.seats().isEmpty()) {
            fail("seats", "A venue needs at least one seat.");
        }
        if (v.seats().size() > MAX_SEATS) {
            fail("seats", "A venue may have at most " + MAX_SEATS + " seats; this one has " + v.seats().size() + ".");
        }
        Map<String, Seat> byId = new HashMap<>(v.seats().size() * 2);
        for (int i = 0; i < v.seats().size(); i++) {
            Seat s = v.seats().get(i);
            String at = "seats[" + i + "]";
            if (s == null || s.id() == null || !ITEM_ID.matcher(s.id()).matches()) {
                fail(at + ".id", "Seat " + i + " needs an id of 1-40 letters, digits, '.', '_' or '-'.");
            }
            if (byId.putIfAbsent(s.id(), s) != null) {
                fail(at + ".id", "Seat id '" + s.id() + "' is used twice.");
            }
            requireText(at + ".section", s.section(), 60);
            requireText(at + ".row", s.row(), 20);
            if (s.number() < 0) {
                fail(at + ".number", "Seat '" + s.id() + "' has a negative number.");
            }
            if (!(s.w() > 0) || !(s.h() > 0)) {
                fail(at + ".w", "Seat '" + s.id() + "' needs a positive width and height.");
            }
            if (!inside(v, s.x(), s.y(), s.w(), s.h())) {
                fail(at + ".x", "Seat '" + s.id() + "' at (" + s.x() + ", " + s.y() + ") lies outside the "
                        + v.width() + " x " + v.height() + " layout.");
            }
            if (s.category() == null || !categories.contains(s.category())) {
                fail(at + ".category", "Seat '" + s.id() + "' has unknown category '" + s.category() + "'.");
            }
            if (s.tableId() != null && !tableIds.contains(s.tableId())) {
                fail(at + ".tableId", "Seat '" + s.id() + "' names unknown table '" + s.tableId() + "'.");
            }
        }
        return byId;
    }

    private static void checkTables(Venue v, Map<String, Seat> seats) {
        Set<String> seated = new HashSet<>();
        for (int i = 0; i < v.tables().size(); i++) {
            SeatTable t = v.tables().get(i);
            String at = "tables[" + i + "]";
            if (t.seatIds().isEmpty()) {
                fail(at + ".seatIds", "Table '" + t.id() + "' has no seats.");
            }
            if (!inside(v, t.x(), t.y(), 0, 0)) {
                fail(at + ".x", "Table '" + t.id() + "' lies outside the layout.");
            }
            for (String seatId : t.seatIds()) {
                Seat seat = seats.get(seatId);
                if (seat == null) {
                    fail(at + ".seatIds", "Table '" + t.id() + "' names seat '" + seatId + "', which does not exist.");
                }
                if (!seated.add(seatId)) {
                    fail(at + ".seatIds", "Seat '" + seatId + "' belongs to more than one table.");
                }
                if (seat.tableId() != null && !seat.tableId().equals(t.id())) {
                    fail(at + ".seatIds", "Seat '" + seatId + "' says it belongs to table '" + seat.tableId()
                            + "', not '" + t.id() + "'.");
                }
            }
        }
    }

    private static void checkShapes(Venue v) {
        for (int i = 0; i < v.shapes().size(); i++) {
            Shape s = v.shapes().get(i);
            String at = "shapes[" + i + "]";
            if (s == null || s.kind() == null) {
                fail(at + ".kind", "Shape " + i + " needs a kind (STAGE, SCREEN, AISLE, LABEL ...).");
            }
            if (s.w() < 0 || s.h() < 0 || !inside(v, s.x(), s.y(), s.w(), s.h())) {
                fail(at + ".x", "Shape " + i + " (" + s.kind() + ") lies outside the layout.");
            }
        }
    }

    private static boolean inside(Venue v, double x, double y, double w, double h) {
        return x >= 0 && y >= 0 && x + w <= v.width() && y + h <= v.height();
    }

    private static void requireText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            fail(field, field + " is required.");
        }
        if (value.length() > max) {
            fail(field, field + " may have at most " + max + " characters.");
        }
    }

    private static void fail(String field, String detail) {
        throw new DomainException(HttpStatus.BAD_REQUEST, "INVALID_VENUE", detail, field, null);
    }
}
