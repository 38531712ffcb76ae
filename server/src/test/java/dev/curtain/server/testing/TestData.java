package dev.curtain.server.testing;

import dev.curtain.model.auth.Role;
import dev.curtain.model.event.Event;
import dev.curtain.model.venue.Category;
import dev.curtain.model.venue.Point;
import dev.curtain.model.venue.Seat;
import dev.curtain.model.venue.Shape;
import dev.curtain.model.venue.ShapeKind;
import dev.curtain.model.venue.Venue;
import dev.curtain.model.venue.VenueKind;
import dev.curtain.server.auth.PasswordHasher;
import dev.curtain.server.auth.StaffAccount;
import dev.curtain.server.auth.StaffAccounts;
import dev.curtain.server.db.Database;
import dev.curtain.server.ops.CurtainServer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builders for small venues and events, and the staff accounts tests sign in with. */
public final class TestData {

    private static String passwordHash;

    private TestData() {
    }

    /** admin, manager, clerk and kiosk with {@link TestInfrastructure#DEMO_PASSWORD}; the hash is made once per JVM. */
    public static void staff(CurtainServer server) {
        PasswordHasher hasher = server.context().getBean(PasswordHasher.class);
        synchronized (TestData.class) {
            if (passwordHash == null) {
                passwordHash = hasher.hash(TestInfrastructure.DEMO_PASSWORD);
            }
        }
        StaffAccounts accounts = server.context().getBean(StaffAccounts.class);
        server.context().getBean(Database.class).write(c -> {
            for (Role role : List.of(Role.ADMIN, Role.MANAGER, Role.CLERK, Role.KIOSK)) {
                String name = role.name().toLowerCase();
                accounts.upsert(c, new StaffAccount(name, passwordHash, role, name, true), false);
            }
            return null;
        });
    }

    /** A small rectangular hall: rows A.. of {@code perRow} seats, two categories (front rows PREMIUM). */
    public static Venue hall(String id, int rows, int perRow) {
        List<Seat> seats = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            String row = r < 26 ? String.valueOf((char) ('A' + r)) : "R" + r;
            for (int n = 1; n <= perRow; n++) {
                seats.add(new Seat("HALL-" + row + "-" + n, "HALL", row, n, 10 + (n - 1) * 12, 40 + r * 12, 10, 10,
                        r < 2 ? "PREMIUM" : "STANDARD", false, false, null));
            }
        }
        double width = 20 + perRow * 12;
        double height = 60 + rows * 12;
        return new Venue(id, "Test Hall " + id, VenueKind.THEATRE, width, height, new Point(width / 2, height / 2),
                List.of(new Category("PREMIUM", "Premium", "#d97706"), new Category("STANDARD", "Standard", "#2563eb")),
                seats, List.of(), List.of(new Shape(ShapeKind.STAGE, 10, 5, width - 20, 20, "Stage")));
    }

    /** Three tables of four: T1 sold whole only, T2 seat by seat only, T3 either way. */
    public static Venue cabaret(String id) {
        List<Seat> seats = new ArrayList<>();
        List<dev.curtain.model.venue.SeatTable> tables = new ArrayList<>();
        dev.curtain.model.venue.TablePolicy[] policies = {dev.curtain.model.venue.TablePolicy.WHOLE,
                dev.curtain.model.venue.TablePolicy.SEATS, dev.curtain.model.venue.TablePolicy.EITHER};
        for (int t = 1; t <= 3; t++) {
            List<String> ids = new ArrayList<>();
            for (int n = 1; n <= 4; n++) {
                String seatId = "T" + t + "-" + n;
                ids.add(seatId);
                seats.add(new Seat(seatId, "FLOOR", "T" + t, n, 20 + t * 60 + (n - 1) % 2 * 20, 40 + (n - 1) / 2 * 30,
                        10, 10, "STANDARD", false, false, "T" + t));
            }
            tables.add(new dev.curtain.model.venue.SeatTable("T" + t, "T" + t, 35 + t * 60, 55, 30, 20,
                    dev.curtain.model.venue.TableShape.RECT, ids, policies[t - 1]));
        }
        return new Venue(id, "Cabaret " + id, VenueKind.CABARET, 260, 120, null,
                List.of(new Category("PREMIUM", "Premium", "#d97706"), new Category("STANDARD", "Standard", "#2563eb")),
                seats, tables, List.of());
    }

    public static Map<String, Map<String, Long>> prices() {
        Map<String, Map<String, Long>> prices = new LinkedHashMap<>();
        prices.put("PREMIUM", ordered("adult", 3000L, "child", 1500L));
        prices.put("STANDARD", ordered("adult", 2000L, "child", 1000L));
        return prices;
    }

    private static Map<String, Long> ordered(String type1, long price1, String type2, long price2) {
        Map<String, Long> types = new LinkedHashMap<>();
        types.put(type1, price1);
        types.put(type2, price2);
        return types;
    }

    public static Event event(String venueId, String title, Instant startsAt) {
        return new Event(null, venueId, title, startsAt, "EUR", prices(), null, null, null, null, null, null, null);
    }
}
