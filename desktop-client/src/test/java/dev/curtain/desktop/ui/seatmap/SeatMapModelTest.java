package dev.curtain.desktop.ui.seatmap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.curtain.desktop.ui.seatmap.SeatMapModel.Display;
import dev.curtain.desktop.ui.seatmap.SeatMapModel.RowLabel;
import dev.curtain.model.live.SeatStatus;
import dev.curtain.model.venue.Category;
import dev.curtain.model.venue.Point;
import dev.curtain.model.venue.Seat;
import dev.curtain.model.venue.SeatTable;
import dev.curtain.model.venue.Shape;
import dev.curtain.model.venue.ShapeKind;
import dev.curtain.model.venue.TablePolicy;
import dev.curtain.model.venue.TableShape;
import dev.curtain.model.venue.Venue;
import dev.curtain.model.venue.VenueKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The seat map's model: states, revisions, hit-testing and row labels. Plain Java, no FX thread. */
class SeatMapModelTest {

    private static final double SEAT = 10;
    private static final double PITCH = 12;
    private static final double ROW_PITCH = 14;

    // ------------------------------------------------------------------------------------ fixtures

    /** Row A: seats 1-3 at x = 0, 12, 24; row B below it; a round table T1 at (200, 100) and a rect one, T2. */
    private static Venue smallVenue() {
        List<Seat> seats = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            seats.add(seat("MAIN-A-" + (i + 1), "MAIN", "A", i + 1, i * PITCH, 0, "STD"));
            seats.add(seat("MAIN-B-" + (i + 1), "MAIN", "B", i + 1, i * PITCH, ROW_PITCH, "PREM"));
        }
        seats.add(new Seat("T1-1", "FLOOR", "T1", 1, 195, 70, SEAT, SEAT, "STD", false, false, "T1"));
        seats.add(new Seat("T2-1", "FLOOR", "T2", 1, 295, 80, SEAT, SEAT, "STD", false, false, "T2"));
        List<SeatTable> tables = List.of(
                new SeatTable("T1", "T1", 200, 100, 40, 40, TableShape.ROUND, List.of("T1-1"), TablePolicy.EITHER),
                new SeatTable("T2", "T2", 300, 100, 60, 20, TableShape.RECT, List.of("T2-1"), TablePolicy.WHOLE));
        return new Venue("small", "Small", VenueKind.OTHER, 400, 200, new Point(20, 10),
                List.of(new Category("STD", "Standard", "#3b82f6"), new Category("PREM", "Premium", "#8b5cf6")),
                seats, tables, List.of(new Shape(ShapeKind.STAGE, 0, -60, 100, 40, "STAGE")));
    }

    private static Seat seat(String id, String section, String row, int number, double x, double y, String cat) {
        return new Seat(id, section, row, number, x, y, SEAT, SEAT, cat, false, false, null);
    }

    /** Blocks of {@code rows x perRow} seats, {@code blocksX x blocksY} of them, 30 units apart. */
    private static Venue grid(int blocksX, int blocksY, int rows, int perRow) {
        List<Seat> seats = new ArrayList<>();
        for (int by = 0; by < blocksY; by++) {
            for (int bx = 0; bx < blocksX; bx++) {
                String section = "B" + by + "-" + bx;
                for (int r = 0; r < rows; r++) {
                    for (int i = 0; i < perRow; i++) {
                        double x = bx * blockWidth(perRow) + i * PITCH;
                        double y = by * blockHeight(rows) + r * ROW_PITCH;
                        seats.add(seat(section + "-" + r + "-" + (i + 1), section, "R" + r, i + 1, x, y, "STD"));
                    }
                }
            }
        }
        return new Venue("grid", "Grid", VenueKind.OTHER, blocksX * blockWidth(perRow),
                blocksY * blockHeight(rows), new Point(0, 0), List.of(new Category("STD", "Standard", "#3b82f6")),
                seats, List.of(), List.of());
    }

    /** Block pitch: the seats plus a 30-unit aisle. */
    private static double blockWidth(int perRow) {
        return perRow * PITCH - (PITCH - SEAT) + 30;
    }

    private static double blockHeight(int rows) {
        return rows * ROW_PITCH - (ROW_PITCH - SEAT) + 30;
    }

    private static String id(Optional<Seat> seat) {
        return seat.map(Seat::id).orElse(null);
    }

    // ------------------------------------------------------------------------------------ hit-testing

    @Test
    void seatAtFindsTheSeatUnderAPoint() {
        SeatMapModel model = new SeatMapModel(smallVenue());

        assertEquals("MAIN-A-1", id(model.seatAt(5, 5)));
        assertEquals("MAIN-A-2", id(model.seatAt(12.5, 9.5)));
        assertEquals("MAIN-B-3", id(model.seatAt(30, 20)));
        // Edges belong to the seat.
        assertEquals("MAIN-A-1", id(model.seatAt(10, 10)));
        assertEquals("MAIN-A-1", id(model.seatAt(0, 0)));
    }

    @Test
    void seatAtFindsNothingInGapsOrOutside() {
        SeatMapModel model = new SeatMapModel(smallVenue());

        assertTrue(model.seatAt(11, 5).isEmpty(), "gap between A-1 and A-2");
        assertTrue(model.seatAt(5, 12).isEmpty(), "gap between rows A and B");
        assertTrue(model.seatAt(-0.5, 5).isEmpty());
        assertTrue(model.seatAt(5000, -5000).isEmpty());
        assertTrue(model.seatAt(200, 100).isEmpty(), "table centre is not a seat");
    }

    @Test
    void seatIndexNearForgivesSmallMisses() {
        SeatMapModel model = new SeatMapModel(smallVenue());

        assertEquals(-1, model.seatIndexNear(10.8, 5, 0.5));
        assertEquals("MAIN-A-1", model.seat(model.seatIndexNear(10.4, 5, 0.5)).id());
        assertEquals("MAIN-A-2", model.seat(model.seatIndexNear(11.7, 5, 0.5)).id());
    }

    @Test
    void tableAtHitsRoundTablesAsEllipsesAndRectTablesAsRectangles() {
        SeatMapModel model = new SeatMapModel(smallVenue());

        assertEquals("T1", model.tableAt(200, 100).map(SeatTable::id).orElse(null));
        assertEquals("T1", model.tableAt(219, 100).map(SeatTable::id).orElse(null));
        assertTrue(model.tableAt(216, 116).isEmpty(), "inside the bounding box, outside the circle");
        assertEquals("T2", model.tableAt(329, 109).map(SeatTable::id).orElse(null));
        assertTrue(model.tableAt(331, 100).isEmpty());
        assertTrue(model.tableAt(5, 5).isEmpty());
    }

    @Test
    void seatsInSelectsSeatsWhoseCentreIsInsideTheRectangle() {
        SeatMapModel model = new SeatMapModel(smallVenue());

        List<String> ids = model.seatsIn(0, 0, 20, 10).stream().map(Seat::id).toList();
        assertEquals(List.of("MAIN-A-1", "MAIN-A-2"), ids);

        // Corners in any order; results in venue order.
        List<String> reversed = model.seatsIn(40, 30, -5, -5).stream().map(Seat::id).toList();
        assertEquals(List.of("MAIN-A-1", "MAIN-B-1", "MAIN-A-2", "MAIN-B-2", "MAIN-A-3", "MAIN-B-3"), reversed);

        // Touching a seat's edge but not its centre does not select it.
        assertTrue(model.seatsIn(0, 0, 4, 4).isEmpty());
        assertTrue(model.seatsIn(1000, 1000, 1100, 1100).isEmpty());
    }

    @Test
    void forEachSeatIntersectingReportsSeatsTouchingTheRectangle() {
        SeatMapModel model = new SeatMapModel(smallVenue());
        List<String> ids = new ArrayList<>();

        model.forEachSeatIntersecting(9, 9, 13, 13, i -> ids.add(model.seat(i).id()));

        assertEquals(List.of("MAIN-A-1", "MAIN-A-2"), ids.stream().sorted().toList());
    }

    // ------------------------------------------------------------------------------------ states

    @Test
    void everySeatStartsAvailable() {
        SeatMapModel model = new SeatMapModel(smallVenue());

        assertEquals(Display.AVAILABLE, model.display("MAIN-A-1"));
        assertEquals(8, model.count(Display.AVAILABLE));
        assertEquals(0, model.count(Display.SOLD));
    }

    @Test
    void statusesMapToDisplays() {
        SeatMapModel model = new SeatMapModel(smallVenue());

        model.setStatus("MAIN-A-1", SeatStatus.HELD, true);
        model.setStatus("MAIN-A-2", SeatStatus.HELD, false);
        model.setStatus("MAIN-A-3", SeatStatus.SOLD, true);
        model.setStatus("MAIN-B-1", SeatStatus.BLOCKED, false);
        model.setStatus("MAIN-B-2", SeatStatus.AVAILABLE, true);
        model.setStatus("MAIN-B-3", null, false);

        assertEquals(Display.MINE, model.display("MAIN-A-1"));
        assertEquals(Display.HELD, model.display("MAIN-A-2"));
        assertEquals(Display.SOLD, model.display("MAIN-A-3"), "a sale is a sale, whoever made it");
        assertEquals(Display.BLOCKED, model.display("MAIN-B-1"));
        assertEquals(Display.AVAILABLE, model.display("MAIN-B-2"));
        assertEquals(Display.AVAILABLE, model.display("MAIN-B-3"));
    }

    @Test
    void countsFollowChanges() {
        SeatMapModel model = new SeatMapModel(smallVenue());

        model.setStatus("MAIN-A-1", SeatStatus.SOLD, false);
        model.setStatus("MAIN-A-2", SeatStatus.SOLD, false);
        model.setStatus("MAIN-A-3", SeatStatus.HELD, true);
        model.setStatus("MAIN-A-2", SeatStatus.BLOCKED, false);

        assertEquals(1, model.count(Display.SOLD));
        assertEquals(1, model.count(Display.BLOCKED));
        assertEquals(1, model.count(Display.MINE));
        assertEquals(0, model.count(Display.HELD));
        assertEquals(5, model.count(Display.AVAILABLE));

        model.clearStatuses();
        assertEquals(8, model.count(Display.AVAILABLE));
        assertEquals(0, model.count(Display.SOLD));
    }

    @Test
    void revisionMovesOnEveryChangeAndOnlyThen() {
        SeatMapModel model = new SeatMapModel(smallVenue());
        long start = model.revision();

        model.setStatus("MAIN-A-1", SeatStatus.SOLD, false);
        long afterSale = model.revision();
        assertTrue(afterSale > start);

        model.setStatus("MAIN-A-1", SeatStatus.SOLD, false);
        assertEquals(afterSale, model.revision(), "same state again is not a change");

        model.setStatus("MAIN-A-2", SeatStatus.HELD, false);
        model.setStatus("MAIN-A-2", SeatStatus.HELD, true);
        long afterHolds = model.revision();
        assertEquals(afterSale + 2, afterHolds, "HELD to MINE is a change");

        model.clearStatuses();
        assertTrue(model.revision() > afterHolds);
        long cleared = model.revision();
        model.clearStatuses();
        assertEquals(cleared, model.revision(), "clearing a clear map changes nothing");
    }

    @Test
    void unknownSeatIdsAreIgnoredSafely() {
        SeatMapModel model = new SeatMapModel(smallVenue());
        long revision = model.revision();

        model.setStatus("NO-SUCH-SEAT", SeatStatus.SOLD, false);
        model.setStatus(null, SeatStatus.SOLD, true);

        assertEquals(revision, model.revision());
        assertEquals(Display.AVAILABLE, model.display("NO-SUCH-SEAT"));
        assertEquals(Display.AVAILABLE, model.display((String) null));
        assertEquals(8, model.count(Display.AVAILABLE));
        assertEquals(-1, model.indexOf("NO-SUCH-SEAT"));
    }

    @Test
    void concurrentUpdatesKeepCountsConsistent() throws InterruptedException {
        SeatMapModel model = new SeatMapModel(grid(4, 4, 10, 25));
        int seats = model.seatCount();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            int offset = t;
            pool.execute(() -> {
                SeatStatus[] statuses = SeatStatus.values();
                for (int i = offset; i < seats * 3; i += 4) {
                    model.setStatus(model.seat(i % seats).id(), statuses[i % statuses.length], i % 7 == 0);
                }
            });
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));

        int total = 0;
        for (Display d : Display.values()) {
            total += model.count(d);
        }
        assertEquals(seats, total);
        int sold = 0;
        for (int i = 0; i < seats; i++) {
            sold += model.display(i) == Display.SOLD ? 1 : 0;
        }
        assertEquals(sold, model.count(Display.SOLD));
    }

    // ------------------------------------------------------------------------------------ geometry

    @Test
    void contentBoundsCoverSeatsTablesAndShapes() {
        SeatMapModel.Bounds b = new SeatMapModel(smallVenue()).contentBounds();

        assertEquals(0, b.minX());
        assertEquals(-60, b.minY(), "the stage above row A");
        assertEquals(330, b.maxX(), "the rect table's right edge");
        assertEquals(120, b.maxY(), "the round table's bottom edge");
    }

    @Test
    void rowLabelsSitAtBothEndsOfStraightRowsButNotAtTables() {
        List<RowLabel> labels = new SeatMapModel(smallVenue()).rowLabels();

        assertEquals(4, labels.size(), "rows A and B, both ends; none for the table seats");
        RowLabel leftOfA = labels.stream().filter(l -> l.text().equals("A") && l.dx() < 0).findFirst().orElseThrow();
        assertEquals(0, leftOfA.x());
        assertEquals(5, leftOfA.y());
        RowLabel rightOfA = labels.stream().filter(l -> l.text().equals("A") && l.dx() > 0).findFirst().orElseThrow();
        assertEquals(34, rightOfA.x());
    }

    @Test
    void sectionsFacingAcrossAnAisleShareOneRowLabel() {
        // Two blocks side by side, 30 units apart: row labels meet in the aisle and merge into one.
        List<RowLabel> labels = new SeatMapModel(grid(2, 1, 1, 3)).rowLabels();

        assertEquals(3, labels.size());
        assertEquals(1, labels.stream().filter(l -> l.dx() == 0 && l.dy() == 0).count());
    }

    @Test
    void aHundredThousandSeatVenueAnswersHitTestsCorrectly() {
        int blocksX = 10;
        int blocksY = 10;
        int rows = 25;
        int perRow = 40;
        SeatMapModel model = new SeatMapModel(grid(blocksX, blocksY, rows, perRow));
        assertEquals(100_000, model.seatCount());

        Random random = new Random(7);
        double width = blocksX * blockWidth(perRow);
        double height = blocksY * blockHeight(rows);
        int hits = 0;
        for (int n = 0; n < 10_000; n++) {
            double x = random.nextDouble() * width;
            double y = random.nextDouble() * height;
            String expected = expectedSeat(x, y, rows, perRow);
            assertEquals(expected, id(model.seatAt(x, y)), "at " + x + "," + y);
            hits += expected == null ? 0 : 1;
        }
        assertTrue(hits > 3_000 && hits < 9_000, "a realistic mix of hits and misses: " + hits);

        // And every seat is found at its own centre.
        for (int i = 0; i < model.seatCount(); i += 97) {
            Seat s = model.seat(i);
            assertEquals(s.id(), id(model.seatAt(s.centerX(), s.centerY())));
        }
    }

    @Test
    void aHundredThousandSeatVenueSelectsRectangles() {
        SeatMapModel model = new SeatMapModel(grid(10, 10, 25, 40));

        // Block B0-0: rows 0-1, seats 1-5, by centres.
        List<Seat> seats = model.seatsIn(0, 0, 5 * PITCH - 3, ROW_PITCH + SEAT);
        assertEquals(10, seats.size());
        assertTrue(seats.stream().allMatch(s -> s.section().equals("B0-0") && s.number() <= 5));
        assertEquals(100_000, model.seatsIn(-1e6, -1e6, 1e6, 1e6).size());
        assertFalse(model.seatsIn(0, 0, 1, 1).contains(model.seat(0)), "the band must reach the centre");
    }

    /** Where the grid fixture's seat under (x, y) is, computed from its layout rules rather than the index. */
    private static String expectedSeat(double x, double y, int rows, int perRow) {
        int bx = (int) Math.floor(x / blockWidth(perRow));
        int by = (int) Math.floor(y / blockHeight(rows));
        double ox = x - bx * blockWidth(perRow);
        double oy = y - by * blockHeight(rows);
        int i = (int) Math.floor(ox / PITCH);
        int r = (int) Math.floor(oy / ROW_PITCH);
        boolean inSeat = i < perRow && r < rows && ox - i * PITCH <= SEAT && oy - r * ROW_PITCH <= SEAT;
        // A point exactly on a seat's right edge also lies in no other seat, so edges need no special case.
        return inSeat ? "B" + by + "-" + bx + "-" + r + "-" + (i + 1) : null;
    }
}
