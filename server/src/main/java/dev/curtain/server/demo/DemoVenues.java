package dev.curtain.server.demo;

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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntFunction;

/**
 * Demo venue layouts, so that a first start has houses to draw and sell before anyone has designed their own:
 * a cinema (250 seats), a theatre (1,800), a cabaret room with tables (120) and an arena (20,000).
 *
 * <p>Deterministic: every call builds the same layout. Layout units: a seat is 10 x 10 with 2 units between
 * neighbours, y grows downward and the stage or screen is at the top (the arena's stage is in the middle).
 * Seat ids are {@code <SECTION>-<ROW>-<NUMBER>} ({@code STALLS-C-12}); cabaret seats are {@code <TABLE>-<NUMBER>}.
 */
public final class DemoVenues {

    private static final double SEAT = 10;
    private static final double GAP = 2;
    /** Seat-to-seat distance along a row. */
    private static final double PITCH = SEAT + GAP;
    /** Row-to-row distance in the cinema and the theatre (legroom). */
    private static final double ROW_PITCH = 16;
    /** Row-to-row distance in the arena's stands. */
    private static final double STAND_ROW_PITCH = 14;
    private static final double AISLE = 20;
    private static final double WHEELCHAIR_WIDTH = 14;

    private static final String PREMIUM = "PREMIUM";
    private static final String STANDARD = "STANDARD";
    private static final String VALUE = "VALUE";
    private static final String BOX = "BOX";
    private static final String FLOOR = "FLOOR";
    private static final String LOWER = "LOWER";
    private static final String UPPER = "UPPER";

    private static final Category PREMIUM_CATEGORY = new Category(PREMIUM, "Premium", "#8b5cf6");
    private static final Category STANDARD_CATEGORY = new Category(STANDARD, "Standard", "#3b82f6");
    private static final Category VALUE_CATEGORY = new Category(VALUE, "Value", "#10b981");

    private DemoVenues() {
    }

    /** The four demo venues, in the order cinema, theatre, cabaret, arena. */
    public static List<Venue> all() {
        return List.of(cinema(), theatre(), cabaret(), arena());
    }

    // ------------------------------------------------------------------------------------------ cinema

    /**
     * A 250-seat cinema: rows A-L from the screen, two blocks either side of a centre aisle, wheelchair spaces at
     * both ends of the back row.
     */
    public static Venue cinema() {
        double width = 320;
        double height = 260;
        double aisleLeft = width / 2 - AISLE / 2;
        double aisleRight = width / 2 + AISLE / 2;
        double firstRowY = 50;
        // Seats on each side of the aisle, row A first: 2 x 18 + 9 x 22 + 16 = 250.
        int[] perSide = {9, 9, 11, 11, 11, 11, 11, 11, 11, 11, 11, 8};

        Layout layout = new Layout();
        layout.shape(ShapeKind.SCREEN, 30, 12, width - 60, 6, "SCREEN");
        for (int r = 0; r < perSide.length; r++) {
            String category = r < 3 ? VALUE : r < 9 ? PREMIUM : STANDARD;
            int wheelchairPerEnd = r == perSide.length - 1 ? 2 : 0;
            cinemaRow(layout, rowLabel(r), firstRowY + r * ROW_PITCH, perSide[r], wheelchairPerEnd, category,
                    aisleLeft, aisleRight);
        }
        double lastRowBottom = firstRowY + (perSide.length - 1) * ROW_PITCH + SEAT;
        layout.shape(ShapeKind.AISLE, aisleLeft, firstRowY, AISLE, lastRowBottom - firstRowY, null);

        Point sweetSpot = new Point(width / 2, Math.round(firstRowY + (lastRowBottom - firstRowY) * 2 / 3));
        return layout.build("demo-cinema", "Screen 1", VenueKind.CINEMA, width, height, sweetSpot,
                List.of(PREMIUM_CATEGORY, STANDARD_CATEGORY, VALUE_CATEGORY));
    }

    /**
     * One cinema row: {@code perSide} seats in each block, the blocks growing outward from the aisle; the outermost
     * {@code wheelchairPerEnd} places of each block are wider wheelchair spaces. Numbers run left to right.
     */
    private static void cinemaRow(Layout layout, String row, double y, int perSide, int wheelchairPerEnd,
            String category, double aisleLeft, double aisleRight) {
        List<Place> places = new ArrayList<>();
        double leftEdge = aisleLeft;
        for (int i = 0; i < perSide; i++) {
            boolean wheelchair = i >= perSide - wheelchairPerEnd;
            double w = wheelchair ? WHEELCHAIR_WIDTH : SEAT;
            leftEdge -= w;
            places.add(0, new Place(leftEdge, w, wheelchair));
            leftEdge -= GAP;
        }
        double rightEdge = aisleRight;
        for (int i = 0; i < perSide; i++) {
            boolean wheelchair = i >= perSide - wheelchairPerEnd;
            double w = wheelchair ? WHEELCHAIR_WIDTH : SEAT;
            places.add(new Place(rightEdge, w, wheelchair));
            rightEdge += w + GAP;
        }
        int number = 1;
        for (Place place : places) {
            layout.seat("MAIN", row, number++, place.x(), y, place.w(), category, place.wheelchair(), false);
        }
    }

    /** A seat's horizontal place in a cinema row. */
    private record Place(double x, double w, boolean wheelchair) {
    }

    // ----------------------------------------------------------------------------------------- theatre

    /**
     * A 1,800-seat theatre: stalls (24 rows), a curved circle behind them (20 rows), and eight boxes along the
     * side walls. Both the stalls and the circle have three blocks around two straight aisles.
     */
    public static Venue theatre() {
        double width = 680;
        double height = 860;
        double centreX = width / 2;
        int centreBlock = 18;
        double centreBlockWidth = centreBlock * PITCH - GAP;

        Layout layout = new Layout();
        layout.shape(ShapeKind.STAGE, centreX - 160, 10, 320, 44, "STAGE");

        // Stalls: 4 rows of 11 + 18 + 11 and 20 rows of 12 + 18 + 12 = 1,000 seats.
        double stallsTop = 84;
        int stallsRows = 24;
        layout.shape(ShapeKind.LABEL, centreX - 40, 64, 80, 14, "STALLS");
        for (int r = 0; r < stallsRows; r++) {
            int side = r < 4 ? 11 : 12;
            String category = r < 2 || r >= 16 ? STANDARD : PREMIUM;
            Pick accessible = r == stallsRows - 1 ? ends(2) : NONE;
            theatreRow(layout, "STALLS", rowLabel(r), new int[] {side, centreBlock, side}, centreX,
                    stallsTop + r * ROW_PITCH, x -> 0, category, accessible, NONE);
        }
        double stallsBottom = stallsTop + (stallsRows - 1) * ROW_PITCH + SEAT;
        theatreAisles(layout, centreX, centreBlockWidth, stallsTop, stallsBottom);

        // Circle: 20 rows of 10 + 18 + 10 = 760 seats, its ends lifted towards the stage by up to 16 units.
        double circleTop = 520;
        int circleRows = 20;
        double bend = 16;
        DoubleUnaryOperator lift = x -> -Math.round(bend * square((x - centreX) / 250));
        layout.shape(ShapeKind.LABEL, centreX - 40, 480, 80, 14, "CIRCLE");
        for (int r = 0; r < circleRows; r++) {
            String category = r < 8 ? STANDARD : VALUE;
            Pick restricted = r >= circleRows - 3 ? ends(2) : NONE;
            theatreRow(layout, "CIRCLE", rowLabel(r), new int[] {10, centreBlock, 10}, centreX,
                    circleTop + r * ROW_PITCH, lift, category, NONE, restricted);
        }
        double circleBottom = circleTop + (circleRows - 1) * ROW_PITCH + SEAT;
        theatreAisles(layout, centreX, centreBlockWidth, circleTop - bend, circleBottom);

        // Boxes: four a side, 6 + 5 + 5 + 4 seats, 40 in all.
        int[] boxSizes = {6, 5, 5, 4};
        double boxWidth = 3 * PITCH - GAP;
        double[] boxColumns = {14, width - 14 - boxWidth};
        char letter = 'A';
        for (double x : boxColumns) {
            layout.shape(ShapeKind.LABEL, x, 64, boxWidth, 14, "BOXES");
            for (int b = 0; b < boxSizes.length; b++) {
                box(layout, String.valueOf(letter++), boxSizes[b], x, stallsTop + b * 44);
            }
        }

        Point sweetSpot = new Point(centreX, Math.round((stallsTop + stallsBottom) / 2));
        return layout.build("demo-theatre", "The Grand Theatre", VenueKind.THEATRE, width, height, sweetSpot,
                List.of(PREMIUM_CATEGORY, STANDARD_CATEGORY, VALUE_CATEGORY,
                        new Category(BOX, "Box", "#f59e0b")));
    }

    /**
     * One theatre row of three blocks (left, centre, right) around two aisles. The centre block is centred on
     * {@code centreX} and the side blocks grow outward from the aisles, so the aisles stay straight whatever the
     * side blocks' lengths. Numbers run left to right across the row; {@code lift} moves a seat up or down by its
     * centre's x (to curve a row).
     */
    private static void theatreRow(Layout layout, String section, String row, int[] blocks, double centreX,
            double y, DoubleUnaryOperator lift, String category, Pick accessible, Pick restricted) {
        double centreLeft = centreX - (blocks[1] * PITCH - GAP) / 2;
        double[] starts = {
            centreLeft - AISLE - blocks[0] * PITCH + GAP,
            centreLeft,
            centreLeft + blocks[1] * PITCH - GAP + AISLE};
        int count = blocks[0] + blocks[1] + blocks[2];
        int index = 0;
        for (int b = 0; b < blocks.length; b++) {
            for (int i = 0; i < blocks[b]; i++, index++) {
                double x = starts[b] + i * PITCH;
                layout.seat(section, row, index + 1, x, y + lift.applyAsDouble(x + SEAT / 2), SEAT, category,
                        accessible.test(index, count), restricted.test(index, count));
            }
        }
    }

    /** The two aisles either side of a theatre row's centre block, from {@code top} to {@code bottom}. */
    private static void theatreAisles(Layout layout, double centreX, double centreBlockWidth, double top,
            double bottom) {
        layout.shape(ShapeKind.AISLE, centreX - centreBlockWidth / 2 - AISLE, top, AISLE, bottom - top, null);
        layout.shape(ShapeKind.AISLE, centreX + centreBlockWidth / 2, top, AISLE, bottom - top, null);
    }

    /** A box of 4-6 seats in two rows of up to three, front row first, with its outline. */
    private static void box(Layout layout, String label, int seats, double x, double y) {
        int front = (seats + 1) / 2;
        double boxRowPitch = 14;
        for (int i = 0; i < seats; i++) {
            boolean inFront = i < front;
            double seatX = x + (inFront ? i : i - front) * PITCH;
            double seatY = y + (inFront ? 0 : boxRowPitch);
            layout.seat("BOXES", label, i + 1, seatX, seatY, SEAT, BOX, false, false);
        }
        layout.shape(ShapeKind.SECTION, x - 3, y - 3, 3 * PITCH - GAP + 6, boxRowPitch + SEAT + 6, "Box " + label);
    }

    // ----------------------------------------------------------------------------------------- cabaret

    /**
     * A cabaret room: 20 tables of 4-8 seats (120 in all) in four rows of five in front of the stage. The front
     * row is long tables sold whole; further back round tables, sold either way or seat by seat.
     */
    public static Venue cabaret() {
        double width = 540;
        double height = 490;
        // Seats per table, front row first: 22 + 32 + 36 + 30 = 120.
        int[][] sizes = {
            {4, 4, 6, 4, 4},
            {6, 6, 8, 6, 6},
            {6, 8, 8, 8, 6},
            {5, 6, 8, 6, 5}};
        double firstColumnX = 70;
        double columnPitch = 100;
        double firstRowY = 130;
        double rowPitch = 90;

        Layout layout = new Layout();
        layout.shape(ShapeKind.STAGE, 120, 14, 300, 50, "STAGE");
        int tableNumber = 1;
        for (int r = 0; r < sizes.length; r++) {
            for (int c = 0; c < sizes[r].length; c++) {
                int seats = sizes[r][c];
                boolean edge = c == 0 || c == sizes[r].length - 1;
                TableShape shape = r == 0 || (seats == 6 && edge) ? TableShape.RECT : TableShape.ROUND;
                TablePolicy policy = r == 0 || seats == 8 ? TablePolicy.WHOLE
                        : r == sizes.length - 1 ? TablePolicy.SEATS : TablePolicy.EITHER;
                String category = r == 0 ? PREMIUM : r == sizes.length - 1 ? VALUE : STANDARD;
                table(layout, String.format("T%02d", tableNumber++), seats, shape, policy, category,
                        firstColumnX + c * columnPitch, firstRowY + r * rowPitch);
            }
        }
        layout.shape(ShapeKind.BAR, 170, 450, 200, 24, "BAR");

        Point sweetSpot = new Point(width / 2, firstRowY + rowPitch / 2);
        return layout.build("demo-cabaret", "Cabaret Room", VenueKind.CABARET, width, height, sweetSpot,
                List.of(PREMIUM_CATEGORY, STANDARD_CATEGORY, VALUE_CATEGORY));
    }

    /**
     * A table centred on (cx, cy) with its seats: round tables have them evenly round a circle (clockwise from
     * the top), long tables along their two long sides (the stage side first), both numbered left to right.
     */
    private static void table(Layout layout, String label, int seats, TableShape shape, TablePolicy policy,
            String category, double cx, double cy) {
        List<String> seatIds = new ArrayList<>();
        double w;
        double h;
        if (shape == TableShape.ROUND) {
            double radius = 8 + 1.5 * seats;
            double seatRadius = radius + 8;
            for (int i = 0; i < seats; i++) {
                double angle = -Math.PI / 2 + (i + 0.5) * 2 * Math.PI / seats;
                double x = round1(cx + seatRadius * Math.cos(angle) - SEAT / 2);
                double y = round1(cy + seatRadius * Math.sin(angle) - SEAT / 2);
                seatIds.add(layout.tableSeat(label, i + 1, x, y, category));
            }
            w = 2 * radius;
            h = 2 * radius;
        } else {
            int top = (seats + 1) / 2;
            w = top * PITCH + 6;
            h = 20;
            for (int i = 0; i < seats; i++) {
                boolean onTop = i < top;
                int along = onTop ? i : i - top;
                int sideCount = onTop ? top : seats - top;
                double x = cx - (sideCount * PITCH - GAP) / 2 + along * PITCH;
                double y = onTop ? cy - h / 2 - GAP - SEAT : cy + h / 2 + GAP;
                seatIds.add(layout.tableSeat(label, i + 1, x, y, category));
            }
        }
        layout.table(new SeatTable(label, label, cx, cy, w, h, shape, seatIds, policy));
    }

    // ------------------------------------------------------------------------------------------- arena

    /**
     * A 20,000-seat arena in the round: a central stage, floor blocks on its four sides, then a lower and an
     * upper tier of stands all the way round. Built around the stage's centre at (0, 0), then moved into
     * positive coordinates.
     */
    public static Venue arena() {
        double stageWidth = 240;
        double stageHeight = 200;
        double margin = 20;
        // Floor 2 x 14 x 56 + 2 x 14 x 16 = 2,016; lower 2 x 18 x 96 + 2 x 18 x 48 = 5,184;
        // upper 2 x 25 x 160 + 2 x 25 x 96 = 12,800; 20,000 in all.
        Tier floor = new Tier("F", 1, 40, new Side(14, 14, 14, 14, 14), new Side(14, 16), r -> FLOOR, false);
        Tier lower = new Tier("", 101, 40, new Side(18, 16, 16, 16, 16, 16, 16), new Side(18, 16, 16, 16),
                r -> r < 6 ? PREMIUM : LOWER, true);
        Tier upper = new Tier("", 201, 50, new Side(25, 20, 20, 20, 20, 20, 20, 20, 20),
                new Side(25, 16, 16, 16, 16, 16, 16), r -> UPPER, false);

        Layout layout = new Layout();
        Rect stage = new Rect(-stageWidth / 2, -stageHeight / 2, stageWidth / 2, stageHeight / 2);
        layout.shape(ShapeKind.STAGE, stage.x0(), stage.y0(), stageWidth, stageHeight, "STAGE");
        Rect outer = stage;
        for (Tier tier : List.of(floor, lower, upper)) {
            outer = tier(layout, tier, outer);
        }
        double dx = margin - outer.x0();
        double dy = margin - outer.y0();
        layout.translate(dx, dy);

        // In front of the stage's south side, half-way back through the floor.
        double floorDepth = floor.northSouth().rows() * STAND_ROW_PITCH - (STAND_ROW_PITCH - SEAT);
        Point sweetSpot = new Point(dx, dy + stage.y1() + floor.gap() + floorDepth / 2);
        return layout.build("demo-arena", "City Arena", VenueKind.ARENA, outer.width() + 2 * margin,
                outer.height() + 2 * margin, sweetSpot,
                List.of(new Category(FLOOR, "Floor", "#ef4444"), new Category(PREMIUM, "Lower tier, front", "#8b5cf6"),
                        new Category(LOWER, "Lower tier", "#3b82f6"), new Category(UPPER, "Upper tier", "#10b981")));
    }

    /** One side of a tier: how many rows deep it is and how many seats a row each of its sections has. */
    private record Side(int rows, int... sections) {

        double length() {
            double length = (sections.length - 1) * AISLE;
            for (int seats : sections) {
                length += seats * PITCH - GAP;
            }
            return length;
        }

        double depth() {
            return rows * STAND_ROW_PITCH - (STAND_ROW_PITCH - SEAT);
        }
    }

    /**
     * A ring of seating round an inner rectangle, {@code gap} away from it. The north and south sides run the full
     * width (corners included); the east and west sides must fit within the inner rectangle's height. Sections are
     * named {@code prefix + number}, numbered clockwise from the north-west.
     */
    private record Tier(String prefix, int firstSection, double gap, Side northSouth, Side eastWest,
            IntFunction<String> categoryOfRow, boolean accessibleBackRow) {
    }

    private record Rect(double x0, double y0, double x1, double y1) {

        double width() {
            return x1 - x0;
        }

        double height() {
            return y1 - y0;
        }

        double cx() {
            return (x0 + x1) / 2;
        }

        double cy() {
            return (y0 + y1) / 2;
        }
    }

    /** Lays out a tier round {@code inner} and returns the rectangle it fills. */
    private static Rect tier(Layout layout, Tier tier, Rect inner) {
        Side ns = tier.northSouth();
        Side ew = tier.eastWest();
        double gap = tier.gap();
        if (ew.length() > inner.height()) {
            throw new IllegalStateException("east/west side of tier " + tier.firstSection() + " too long");
        }
        int north = tier.firstSection();
        int east = north + ns.sections().length;
        int south = east + ew.sections().length;
        int west = south + ns.sections().length;
        side(layout, tier, ns, true, inner.cx(), inner.y0() - gap, -1, north, false);
        side(layout, tier, ew, false, inner.cy(), inner.x1() + gap, 1, east, false);
        side(layout, tier, ns, true, inner.cx(), inner.y1() + gap, 1, south, true);
        side(layout, tier, ew, false, inner.cy(), inner.x0() - gap, -1, west, true);
        double halfWidth = Math.max(ns.length() / 2, inner.width() / 2 + gap + ew.depth());
        return new Rect(inner.cx() - halfWidth, inner.y0() - gap - ns.depth(),
                inner.cx() + halfWidth, inner.y1() + gap + ns.depth());
    }

    /**
     * One side of a tier. Rows run along x ({@code horizontal}) or along y, centred on {@code alongCentre}; row A's
     * edge nearest the stage is at {@code front} and later rows go {@code outward} (+1 or -1). Sections are laid in
     * increasing x or y and numbered from {@code firstSection}, backwards if {@code reversed} (to go clockwise);
     * seats are numbered in increasing x or y. The section labels sit in the gap in front of row A.
     */
    private static void side(Layout layout, Tier tier, Side side, boolean horizontal, double alongCentre,
            double front, int outward, int firstSection, boolean reversed) {
        int[] sections = side.sections();
        double back = front + outward * side.depth();
        double gapMiddle = front - outward * tier.gap() / 2;
        double along = alongCentre - side.length() / 2;
        for (int s = 0; s < sections.length; s++) {
            int count = sections[s];
            String section = tier.prefix() + (firstSection + (reversed ? sections.length - 1 - s : s));
            for (int r = 0; r < side.rows(); r++) {
                double depth = outward > 0 ? front + r * STAND_ROW_PITCH : front - SEAT - r * STAND_ROW_PITCH;
                String category = tier.categoryOfRow().apply(r);
                boolean backRow = r == side.rows() - 1;
                Pick accessible = tier.accessibleBackRow() && backRow ? ends(2) : NONE;
                for (int i = 0; i < count; i++) {
                    double a = along + i * PITCH;
                    layout.seat(section, rowLabel(r), i + 1, horizontal ? a : depth, horizontal ? depth : a, SEAT,
                            category, accessible.test(i, count), false);
                }
            }
            double sectionLength = count * PITCH - GAP;
            double labelAlong = along + sectionLength / 2;
            if (horizontal) {
                layout.shape(ShapeKind.LABEL, labelAlong - 20, gapMiddle - 6, 40, 12, section);
            } else {
                layout.shape(ShapeKind.LABEL, gapMiddle - 15, labelAlong - 6, 30, 12, section);
            }
            along += sectionLength;
            if (s < sections.length - 1) {
                double lo = Math.min(front, back);
                if (horizontal) {
                    layout.shape(ShapeKind.AISLE, along, lo, AISLE, side.depth(), null);
                } else {
                    layout.shape(ShapeKind.AISLE, lo, along, side.depth(), AISLE, null);
                }
                along += AISLE;
            }
        }
    }

    // ----------------------------------------------------------------------------------------- helpers

    /** Row labels A..Z, then AA, BB, ... */
    private static String rowLabel(int index) {
        return String.valueOf((char) ('A' + index % 26)).repeat(index / 26 + 1);
    }

    private static double square(double v) {
        return v * v;
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /** Which seats of a row get a flag, by 0-based index among {@code count}. */
    private interface Pick {
        boolean test(int index, int count);
    }

    private static final Pick NONE = (index, count) -> false;

    /** The {@code k} seats at each end of a row. */
    private static Pick ends(int k) {
        return (index, count) -> index < k || index >= count - k;
    }

    /** Collects a venue's seats, tables and shapes; refuses duplicate seat ids. */
    private static final class Layout {
        private final List<Seat> seats = new ArrayList<>();
        private final List<SeatTable> tables = new ArrayList<>();
        private final List<Shape> shapes = new ArrayList<>();
        private final Set<String> ids = new HashSet<>();

        void seat(String section, String row, int number, double x, double y, double w, String category,
                boolean accessible, boolean restrictedView) {
            add(new Seat(section + "-" + row + "-" + number, section, row, number, x, y, w, SEAT, category,
                    accessible, restrictedView, null));
        }

        /** A seat at a table: id {@code <TABLE>-<NUMBER>}, section FLOOR, row = the table's label. */
        String tableSeat(String tableId, int number, double x, double y, String category) {
            Seat seat = new Seat(tableId + "-" + number, "FLOOR", tableId, number, x, y, SEAT, SEAT, category,
                    false, false, tableId);
            add(seat);
            return seat.id();
        }

        private void add(Seat seat) {
            if (!ids.add(seat.id())) {
                throw new IllegalStateException("duplicate seat id " + seat.id());
            }
            seats.add(seat);
        }

        void table(SeatTable table) {
            tables.add(table);
        }

        void shape(ShapeKind kind, double x, double y, double w, double h, String label) {
            shapes.add(new Shape(kind, x, y, w, h, label));
        }

        /** Moves everything by (dx, dy). */
        void translate(double dx, double dy) {
            seats.replaceAll(s -> new Seat(s.id(), s.section(), s.row(), s.number(), s.x() + dx, s.y() + dy,
                    s.w(), s.h(), s.category(), s.accessible(), s.restrictedView(), s.tableId()));
            tables.replaceAll(t -> new SeatTable(t.id(), t.label(), t.x() + dx, t.y() + dy, t.w(), t.h(),
                    t.shape(), t.seatIds(), t.policy()));
            shapes.replaceAll(s -> new Shape(s.kind(), s.x() + dx, s.y() + dy, s.w(), s.h(), s.label()));
        }

        Venue build(String id, String name, VenueKind kind, double width, double height, Point sweetSpot,
                List<Category> categories) {
            return new Venue(id, name, kind, width, height, sweetSpot, categories, seats, tables, shapes);
        }
    }
}
