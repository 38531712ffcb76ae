package dev.curtain.desktop.ui.seatmap;

import dev.curtain.model.live.SeatStatus;
import dev.curtain.model.venue.Category;
import dev.curtain.model.venue.Seat;
import dev.curtain.model.venue.SeatTable;
import dev.curtain.model.venue.Shape;
import dev.curtain.model.venue.TableShape;
import dev.curtain.model.venue.Venue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;

/**
 * What the seat map shows: a venue layout, the display state of each of its seats, and spatial indexes for
 * hit-testing and viewport culling. Pure Java, no JavaFX, so that it can be unit-tested and fed from any thread.
 *
 * <p>Thread safety: {@link #setStatus}, {@link #setDisplay} and {@link #clearStatuses} may be called from any
 * thread (for example a WebSocket thread); readers see every change at the latest when {@link #revision()} has
 * moved. Everything else is immutable after construction. Construction indexes the whole venue (about 0.1-0.3 s
 * for 100,000 seats), so build big venues' models off the FX thread.
 */
public final class SeatMapModel {

    /** How a seat is shown. MINE is a seat held by this terminal's own hold. */
    public enum Display { AVAILABLE, MINE, HELD, SOLD, BLOCKED }

    private static final Display[] DISPLAYS = Display.values();

    private final Venue venue;
    private final Seat[] seats;
    /** Seat rectangles as flat arrays (x, y, w, h per seat): drawing 100,000 seats reads them in sequence. */
    private final float[] geometry;
    private final SeatTable[] tables;
    private final Map<String, Integer> seatIndexById;
    /** Index into {@code venue.categories()} per seat, -1 when the seat names an unknown category. */
    private final int[] categoryOfSeat;
    private final GridIndex seatGrid;
    private final GridIndex tableGrid;
    private final Bounds contentBounds;
    private final double typicalSeatSize;
    private final List<RowLabel> rowLabels;

    /** Display ordinal per seat. Written under {@code this}; read without locking (byte writes are atomic). */
    private final byte[] displays;
    private final int[] counts = new int[DISPLAYS.length];
    private volatile long revision;

    public SeatMapModel(Venue venue) {
        this.venue = venue;
        this.seats = venue.seats().toArray(new Seat[0]);
        this.geometry = new float[seats.length * 4];
        for (int i = 0; i < seats.length; i++) {
            geometry[4 * i] = (float) seats[i].x();
            geometry[4 * i + 1] = (float) seats[i].y();
            geometry[4 * i + 2] = (float) seats[i].w();
            geometry[4 * i + 3] = (float) seats[i].h();
        }
        this.tables = venue.tables().toArray(new SeatTable[0]);
        this.seatIndexById = new HashMap<>(seats.length * 2);
        for (int i = 0; i < seats.length; i++) {
            seatIndexById.putIfAbsent(seats[i].id(), i);
        }
        this.categoryOfSeat = categoryIndexes(venue, seats);
        this.seatGrid = GridIndex.ofSeats(seats);
        this.tableGrid = GridIndex.ofTables(tables);
        this.contentBounds = contentBounds(venue);
        this.typicalSeatSize = typicalSeatSize(seats);
        this.rowLabels = Collections.unmodifiableList(RowLabels.build(seats, typicalSeatSize));
        this.displays = new byte[seats.length];
        counts[Display.AVAILABLE.ordinal()] = seats.length;
    }

    // ------------------------------------------------------------------------------------------- states

    public Venue venue() {
        return venue;
    }

    /** The seat's display state; AVAILABLE for unknown ids. */
    public Display display(String seatId) {
        Integer index = seatId == null ? null : seatIndexById.get(seatId);
        return index == null ? Display.AVAILABLE : display(index);
    }

    /** The display state of the seat at {@code index} in {@code venue().seats()}. */
    public Display display(int index) {
        return DISPLAYS[displays[index]];
    }

    /**
     * Sets a seat's live status; {@code mine} marks a HELD seat as held by this terminal. Unknown ids are ignored.
     * The revision moves only when the seat's display actually changes.
     */
    public void setStatus(String seatId, SeatStatus status, boolean mine) {
        Integer index = seatId == null ? null : seatIndexById.get(seatId);
        if (index != null) {
            setDisplay(index, displayOf(status, mine));
        }
    }

    /** Sets the display of the seat at {@code index} directly (simulators, bulk updates); null is AVAILABLE. */
    public synchronized void setDisplay(int index, Display display) {
        display = display == null ? Display.AVAILABLE : display;
        Display old = DISPLAYS[displays[index]];
        if (old != display) {
            displays[index] = (byte) display.ordinal();
            counts[old.ordinal()]--;
            counts[display.ordinal()]++;
            revision++;
        }
    }

    /** Every seat AVAILABLE again. */
    public synchronized void clearStatuses() {
        if (counts[Display.AVAILABLE.ordinal()] != seats.length) {
            Arrays.fill(displays, (byte) Display.AVAILABLE.ordinal());
            Arrays.fill(counts, 0);
            counts[Display.AVAILABLE.ordinal()] = seats.length;
            revision++;
        }
    }

    /** Increments on every change of a seat's display; the canvas redraws when it moves. */
    public long revision() {
        return revision;
    }

    public synchronized int count(Display display) {
        return counts[display.ordinal()];
    }

    /** HELD by this terminal is MINE; a missing status is AVAILABLE. */
    static Display displayOf(SeatStatus status, boolean mine) {
        if (status == null) {
            return Display.AVAILABLE;
        }
        return switch (status) {
            case AVAILABLE -> Display.AVAILABLE;
            case HELD -> mine ? Display.MINE : Display.HELD;
            case SOLD -> Display.SOLD;
            case BLOCKED -> Display.BLOCKED;
        };
    }

    // ------------------------------------------------------------------------------------ hit-testing

    /** The seat whose rectangle contains the layout point (edges included); the nearest centre wins on overlap. */
    public Optional<Seat> seatAt(double x, double y) {
        int index = seatIndexNear(x, y, 0);
        return index < 0 ? Optional.empty() : Optional.of(seats[index]);
    }

    /**
     * The index of the seat nearest to the layout point within {@code tolerance} layout units of its rectangle, or
     * -1. A tolerance makes tiny seats clickable when zoomed out.
     */
    public int seatIndexNear(double x, double y, double tolerance) {
        double[] best = {Double.MAX_VALUE, Double.MAX_VALUE};
        int[] found = {-1};
        seatGrid.forEachNear(x - tolerance, y - tolerance, x + tolerance, y + tolerance, i -> {
            Seat s = seats[i];
            double dx = Math.max(Math.max(s.x() - x, x - (s.x() + s.w())), 0);
            double dy = Math.max(Math.max(s.y() - y, y - (s.y() + s.h())), 0);
            double outside = Math.hypot(dx, dy);
            double centre = Math.hypot(s.centerX() - x, s.centerY() - y);
            if (outside <= tolerance
                    && (outside < best[0] || outside == best[0] && centre < best[1])) {
                best[0] = outside;
                best[1] = centre;
                found[0] = i;
            }
        });
        return found[0];
    }

    /** The table whose body (ellipse for ROUND, rectangle for RECT) contains the layout point. */
    public Optional<SeatTable> tableAt(double x, double y) {
        SeatTable[] hit = {null};
        tableGrid.forEachNear(x, y, x, y, i -> {
            SeatTable t = tables[i];
            if (hit[0] == null && tableContains(t, x, y)) {
                hit[0] = t;
            }
        });
        return Optional.ofNullable(hit[0]);
    }

    static boolean tableContains(SeatTable t, double x, double y) {
        double hx = t.w() / 2;
        double hy = t.h() / 2;
        double dx = x - t.x();
        double dy = y - t.y();
        if (t.shape() == TableShape.ROUND) {
            return hx > 0 && hy > 0 && (dx * dx) / (hx * hx) + (dy * dy) / (hy * hy) <= 1;
        }
        return Math.abs(dx) <= hx && Math.abs(dy) <= hy;
    }

    /**
     * Seats whose centre lies in the rectangle spanned by two layout corners (in any order), in venue order. This is
     * what a rubber-band selection picks: a seat half inside the band is not selected.
     */
    public List<Seat> seatsIn(double x1, double y1, double x2, double y2) {
        double minX = Math.min(x1, x2);
        double maxX = Math.max(x1, x2);
        double minY = Math.min(y1, y2);
        double maxY = Math.max(y1, y2);
        IntList hits = new IntList();
        seatGrid.forEachNear(minX, minY, maxX, maxY, i -> {
            Seat s = seats[i];
            double cx = s.centerX();
            double cy = s.centerY();
            if (cx >= minX && cx <= maxX && cy >= minY && cy <= maxY) {
                hits.add(i);
            }
        });
        hits.sort();
        List<Seat> out = new ArrayList<>(hits.size());
        for (int k = 0; k < hits.size(); k++) {
            out.add(seats[hits.get(k)]);
        }
        return out;
    }

    /** Calls {@code action} with the index of every seat whose rectangle intersects the layout rectangle. */
    public void forEachSeatIntersecting(double minX, double minY, double maxX, double maxY, IntConsumer action) {
        Bounds all = contentBounds;
        if (minX <= all.minX() && minY <= all.minY() && maxX >= all.maxX() && maxY >= all.maxY()) {
            // The whole venue is in view (the usual fitted view): no need to ask the grid or test each seat.
            for (int i = 0; i < seats.length; i++) {
                action.accept(i);
            }
            return;
        }
        seatGrid.forEachNear(minX, minY, maxX, maxY, i -> {
            Seat s = seats[i];
            if (s.x() <= maxX && s.x() + s.w() >= minX && s.y() <= maxY && s.y() + s.h() >= minY) {
                action.accept(i);
            }
        });
    }

    // ------------------------------------------------------------------------------------ geometry

    public int seatCount() {
        return seats.length;
    }

    public Seat seat(int index) {
        return seats[index];
    }

    /**
     * The seat rectangles packed as {@code x, y, w, h} per seat index (float precision is plenty for drawing).
     * Shared, not copied: do not modify.
     */
    float[] geometry() {
        return geometry;
    }

    /** The display ordinal of a seat, for tight drawing loops. */
    int displayOrdinal(int index) {
        return displays[index];
    }

    /** The index of a seat id in {@code venue().seats()}, or -1. */
    public int indexOf(String seatId) {
        Integer index = seatId == null ? null : seatIndexById.get(seatId);
        return index == null ? -1 : index;
    }

    /** The seat's index into {@code venue().categories()}, or -1 when its category is not declared. */
    public int categoryIndex(int seatIndex) {
        return categoryOfSeat[seatIndex];
    }

    /** The bounding box of seats, tables and shapes (falls back to the venue's declared size when empty). */
    public Bounds contentBounds() {
        return contentBounds;
    }

    /** The median of the seats' smaller side, in layout units: level-of-detail decisions are made on it. */
    public double typicalSeatSize() {
        return typicalSeatSize;
    }

    /** A rectangle in layout units. */
    public record Bounds(double minX, double minY, double maxX, double maxY) {
        public double width() {
            return maxX - minX;
        }

        public double height() {
            return maxY - minY;
        }
    }

    /**
     * A row label anchored at the outer edge of a row's end seat. {@code (dx, dy)} is the unit direction pointing
     * away from the row, so the label goes on that side of the anchor; (0, 0) means centre the label on the anchor
     * (a single label shared by two sections facing each other across an aisle).
     */
    public record RowLabel(String text, double x, double y, double dx, double dy) {
    }

    /** Labels for both ends of every straight (or gently curved) row outside tables. */
    public List<RowLabel> rowLabels() {
        return rowLabels;
    }

    // ------------------------------------------------------------------------------------ construction

    private static int[] categoryIndexes(Venue venue, Seat[] seats) {
        Map<String, Integer> byId = new HashMap<>();
        List<Category> categories = venue.categories();
        for (int i = 0; i < categories.size(); i++) {
            byId.putIfAbsent(categories.get(i).id(), i);
        }
        int[] out = new int[seats.length];
        for (int i = 0; i < seats.length; i++) {
            out[i] = byId.getOrDefault(seats[i].category(), -1);
        }
        return out;
    }

    private static Bounds contentBounds(Venue venue) {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (Seat s : venue.seats()) {
            minX = Math.min(minX, s.x());
            minY = Math.min(minY, s.y());
            maxX = Math.max(maxX, s.x() + s.w());
            maxY = Math.max(maxY, s.y() + s.h());
        }
        for (SeatTable t : venue.tables()) {
            minX = Math.min(minX, t.x() - t.w() / 2);
            minY = Math.min(minY, t.y() - t.h() / 2);
            maxX = Math.max(maxX, t.x() + t.w() / 2);
            maxY = Math.max(maxY, t.y() + t.h() / 2);
        }
        for (Shape s : venue.shapes()) {
            minX = Math.min(minX, s.x());
            minY = Math.min(minY, s.y());
            maxX = Math.max(maxX, s.x() + s.w());
            maxY = Math.max(maxY, s.y() + s.h());
        }
        if (minX > maxX) {
            return new Bounds(0, 0, Math.max(venue.width(), 1), Math.max(venue.height(), 1));
        }
        return new Bounds(minX, minY, maxX, maxY);
    }

    private static double typicalSeatSize(Seat[] seats) {
        if (seats.length == 0) {
            return 10;
        }
        // A sample is enough for a median and keeps 100,000-seat venues quick to open.
        int step = Math.max(1, seats.length / 2048);
        double[] sizes = new double[(seats.length + step - 1) / step];
        for (int i = 0, k = 0; i < seats.length; i += step, k++) {
            sizes[k] = Math.min(seats[i].w(), seats[i].h());
        }
        Arrays.sort(sizes);
        double median = sizes[sizes.length / 2];
        return median > 0 ? median : 10;
    }

    // ------------------------------------------------------------------------------------ spatial index

    /**
     * A uniform grid over item centres, stored as compressed rows (cell start offsets + item indexes). Each item
     * lives in exactly one cell, so queries see it once; a query widens its rectangle by the largest item
     * half-size so that items reaching into the rectangle from a neighbouring cell are still found.
     */
    static final class GridIndex {
        private final double originX;
        private final double originY;
        private final double cellSize;
        private final int columns;
        private final int rows;
        private final int[] cellStart;
        private final int[] items;
        private final double reachX;
        private final double reachY;

        private GridIndex(double[] cx, double[] cy, double[] halfW, double[] halfH) {
            int n = cx.length;
            double minX = Double.MAX_VALUE;
            double minY = Double.MAX_VALUE;
            double maxX = -Double.MAX_VALUE;
            double maxY = -Double.MAX_VALUE;
            double rx = 0;
            double ry = 0;
            for (int i = 0; i < n; i++) {
                minX = Math.min(minX, cx[i]);
                minY = Math.min(minY, cy[i]);
                maxX = Math.max(maxX, cx[i]);
                maxY = Math.max(maxY, cy[i]);
                rx = Math.max(rx, halfW[i]);
                ry = Math.max(ry, halfH[i]);
            }
            if (n == 0) {
                minX = minY = maxX = maxY = 0;
            }
            double w = Math.max(maxX - minX, 1);
            double h = Math.max(maxY - minY, 1);
            // About four items per cell, but never cells smaller than an item.
            double size = Math.sqrt(w * h * 4 / Math.max(n, 1));
            size = Math.max(size, Math.max(rx, ry) * 2);
            size = Math.max(size, 1e-3);
            this.originX = minX;
            this.originY = minY;
            this.cellSize = size;
            this.columns = Math.min((int) (w / size) + 1, 4096);
            this.rows = Math.min((int) (h / size) + 1, 4096);
            this.reachX = rx;
            this.reachY = ry;

            int[] cellOf = new int[n];
            int[] start = new int[columns * rows + 1];
            for (int i = 0; i < n; i++) {
                cellOf[i] = column(cx[i]) + row(cy[i]) * columns;
                start[cellOf[i] + 1]++;
            }
            for (int c = 0; c < columns * rows; c++) {
                start[c + 1] += start[c];
            }
            int[] fill = Arrays.copyOf(start, start.length);
            this.items = new int[n];
            for (int i = 0; i < n; i++) {
                items[fill[cellOf[i]]++] = i;
            }
            this.cellStart = start;
        }

        static GridIndex ofSeats(Seat[] seats) {
            int n = seats.length;
            double[] cx = new double[n];
            double[] cy = new double[n];
            double[] hw = new double[n];
            double[] hh = new double[n];
            for (int i = 0; i < n; i++) {
                cx[i] = seats[i].centerX();
                cy[i] = seats[i].centerY();
                hw[i] = Math.abs(seats[i].w()) / 2;
                hh[i] = Math.abs(seats[i].h()) / 2;
            }
            return new GridIndex(cx, cy, hw, hh);
        }

        static GridIndex ofTables(SeatTable[] tables) {
            int n = tables.length;
            double[] cx = new double[n];
            double[] cy = new double[n];
            double[] hw = new double[n];
            double[] hh = new double[n];
            for (int i = 0; i < n; i++) {
                cx[i] = tables[i].x();
                cy[i] = tables[i].y();
                hw[i] = Math.abs(tables[i].w()) / 2;
                hh[i] = Math.abs(tables[i].h()) / 2;
            }
            return new GridIndex(cx, cy, hw, hh);
        }

        private int column(double x) {
            return clamp((int) Math.floor((x - originX) / cellSize), columns);
        }

        private int row(double y) {
            return clamp((int) Math.floor((y - originY) / cellSize), rows);
        }

        private static int clamp(int v, int size) {
            return v < 0 ? 0 : v >= size ? size - 1 : v;
        }

        /** Every item whose centre is within reach of the rectangle: a superset of the items touching it. */
        void forEachNear(double minX, double minY, double maxX, double maxY, IntConsumer action) {
            if (items.length == 0) {
                return;
            }
            double x0 = minX - reachX;
            double y0 = minY - reachY;
            double x1 = maxX + reachX;
            double y1 = maxY + reachY;
            if (x1 < originX || y1 < originY
                    || x0 > originX + columns * cellSize || y0 > originY + rows * cellSize) {
                return;
            }
            int c0 = column(x0);
            int c1 = column(x1);
            int r0 = row(y0);
            int r1 = row(y1);
            for (int r = r0; r <= r1; r++) {
                for (int c = c0; c <= c1; c++) {
                    int cell = r * columns + c;
                    for (int k = cellStart[cell]; k < cellStart[cell + 1]; k++) {
                        action.accept(items[k]);
                    }
                }
            }
        }
    }

    /** A growable int array, to collect hits without boxing. */
    static final class IntList {
        private int[] values = new int[64];
        private int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int get(int i) {
            return values[i];
        }

        int size() {
            return size;
        }

        void clear() {
            size = 0;
        }

        void sort() {
            Arrays.sort(values, 0, size);
        }
    }

    // ------------------------------------------------------------------------------------ row labels

    /** Derives row labels from the seats: one per end of each section+row, shared across narrow aisles. */
    private static final class RowLabels {

        /** A row is straight enough to label when its cross extent is at most this share of its length. */
        private static final double STRAIGHTNESS = 0.3;

        static List<RowLabel> build(Seat[] seats, double seatSize) {
            Map<String, List<Seat>> rows = new LinkedHashMap<>();
            for (Seat s : seats) {
                if (s.tableId() == null && s.row() != null && !s.row().isEmpty()) {
                    rows.computeIfAbsent(s.section() + '\u0000' + s.row(), k -> new ArrayList<>()).add(s);
                }
            }
            List<RowLabel> ends = new ArrayList<>();
            for (List<Seat> row : rows.values()) {
                addEnds(row, ends);
            }
            return mergeFacing(ends, seatSize);
        }

        private static void addEnds(List<Seat> row, List<RowLabel> out) {
            Seat left = row.get(0);
            Seat right = left;
            Seat top = left;
            Seat bottom = left;
            for (Seat s : row) {
                left = s.centerX() < left.centerX() ? s : left;
                right = s.centerX() > right.centerX() ? s : right;
                top = s.centerY() < top.centerY() ? s : top;
                bottom = s.centerY() > bottom.centerY() ? s : bottom;
            }
            double along = right.centerX() - left.centerX();
            double across = bottom.centerY() - top.centerY();
            String text = left.row();
            if (across <= STRAIGHTNESS * along || row.size() == 1) {
                out.add(new RowLabel(text, left.x(), left.centerY(), -1, 0));
                out.add(new RowLabel(text, right.x() + right.w(), right.centerY(), 1, 0));
            } else if (along <= STRAIGHTNESS * across) {
                out.add(new RowLabel(text, top.centerX(), top.y(), 0, -1));
                out.add(new RowLabel(text, bottom.centerX(), bottom.y() + bottom.h(), 0, 1));
            }
            // Anything else (a box of two short rows, a cluster) is labelled by its section, not per row.
        }

        /**
         * Two sections side by side put the same row letter on both sides of the aisle between them; a single
         * centred label reads better there.
         */
        private static List<RowLabel> mergeFacing(List<RowLabel> ends, double seatSize) {
            double maxGap = seatSize * 4;
            Map<String, List<RowLabel>> byLine = new HashMap<>();
            for (RowLabel l : ends) {
                boolean horizontal = l.dy() == 0;
                double line = horizontal ? l.y() : l.x();
                String key = l.text() + (horizontal ? "|h|" : "|v|") + Math.round(line / (seatSize / 2));
                byLine.computeIfAbsent(key, k -> new ArrayList<>()).add(l);
            }
            List<RowLabel> out = new ArrayList<>(ends.size());
            for (List<RowLabel> line : byLine.values()) {
                boolean horizontal = line.get(0).dy() == 0;
                line.sort((a, b) -> Double.compare(horizontal ? a.x() : a.y(), horizontal ? b.x() : b.y()));
                for (int i = 0; i < line.size(); i++) {
                    RowLabel a = line.get(i);
                    RowLabel b = i + 1 < line.size() ? line.get(i + 1) : null;
                    boolean facing = b != null && (a.dx() + a.dy()) > 0 && (b.dx() + b.dy()) < 0;
                    double gap = b == null ? 0 : horizontal ? b.x() - a.x() : b.y() - a.y();
                    if (facing && gap >= 0 && gap <= maxGap) {
                        out.add(new RowLabel(a.text(), (a.x() + b.x()) / 2, (a.y() + b.y()) / 2, 0, 0));
                        i++;
                    } else {
                        out.add(a);
                    }
                }
            }
            return out;
        }
    }
}
