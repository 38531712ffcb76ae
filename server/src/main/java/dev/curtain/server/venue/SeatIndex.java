package dev.curtain.server.venue;

import dev.curtain.model.venue.Point;
import dev.curtain.model.venue.Seat;
import dev.curtain.model.venue.SeatTable;
import dev.curtain.model.venue.Venue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A venue's seats arranged for selling: look-up by id, tables, and the row segments that
 * best-available searches (runs of physically adjacent seats of one row and one category, table
 * seats excluded). Immutable; shared by every event of the venue.
 */
public final class SeatIndex {

    /** Seats farther apart than this many seat widths are not adjacent (an aisle lies between). */
    static final double ADJACENCY = 1.5;

    private final Venue venue;
    private final Map<String, Seat> seats;
    private final Map<String, SeatTable> tables;
    private final Point sweetSpot;
    private final List<Segment> segments;
    private volatile List<String> encodedSegments;

    /** Adjacent seats of one row and category, in seat order; {@code lowerBound} is the least distance any block in it can have to the sweet spot. */
    public record Segment(int number, String category, double lowerBound, List<Seat> seats) {

        /** "ids|xs|ys|flags" as the best-available script reads it (centres; 'a' marks accessible seats). */
        public String encode() {
            StringBuilder ids = new StringBuilder();
            StringBuilder xs = new StringBuilder();
            StringBuilder ys = new StringBuilder();
            StringBuilder flags = new StringBuilder();
            for (Seat s : seats) {
                if (ids.length() > 0) {
                    ids.append(',');
                    xs.append(',');
                    ys.append(',');
                }
                ids.append(s.id());
                xs.append(format(s.centerX()));
                ys.append(format(s.centerY()));
                flags.append(s.accessible() ? 'a' : 'n');
            }
            return ids + "|" + xs + "|" + ys + "|" + flags;
        }

        /** As {@code String.format(Locale.ROOT, "%.2f", v)} writes it (but for the sign of a zero), without the Formatter: 3-6 times faster. */
        static String format(double v) {
            return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).toPlainString();
        }
    }

    private SeatIndex(Venue venue) {
        this.venue = venue;
        this.seats = new HashMap<>(venue.seats().size() * 2);
        for (Seat s : venue.seats()) {
            seats.put(s.id(), s);
        }
        this.tables = new LinkedHashMap<>();
        for (SeatTable t : venue.tables()) {
            tables.put(t.id(), t);
        }
        this.sweetSpot = venue.sweetSpot() != null ? venue.sweetSpot() : new Point(venue.width() / 2, venue.height() / 2);
        this.segments = buildSegments();
    }

    public static SeatIndex of(Venue venue) {
        return new SeatIndex(venue);
    }

    public Venue venue() {
        return venue;
    }

    public Seat seat(String id) {
        return seats.get(id);
    }

    public boolean contains(String id) {
        return seats.containsKey(id);
    }

    public SeatTable table(String id) {
        return tables.get(id);
    }

    public Point sweetSpot() {
        return sweetSpot;
    }

    public List<Segment> segments() {
        return segments;
    }

    /**
     * {@link Segment#encode} of every segment, in order, made once per venue: every event of the
     * venue sends them to Redis when its state is built (a 100,000-seat venue's are 2.7 MB), and
     * making them took 40-270 ms each time.
     */
    public List<String> encodedSegments() {
        List<String> encoded = encodedSegments;
        if (encoded == null) {
            encoded = segments.stream().map(Segment::encode).toList();
            encodedSegments = encoded; // two threads may both make it: the same strings
        }
        return encoded;
    }

    public int capacity() {
        return seats.size();
    }

    private List<Segment> buildSegments() {
        Map<String, List<Seat>> rows = new LinkedHashMap<>();
        for (Seat s : venue.seats()) {
            if (s.tableId() == null) {
                rows.computeIfAbsent(s.section() + "\u0000" + s.row(), k -> new ArrayList<>()).add(s);
            }
        }
        List<Segment> out = new ArrayList<>();
        for (List<Seat> row : rows.values()) {
            row.sort(Comparator.comparingInt(Seat::number).thenComparingDouble(Seat::x));
            List<Seat> run = new ArrayList<>();
            for (Seat s : row) {
                if (!run.isEmpty() && !adjacent(run.get(run.size() - 1), s)) {
                    out.add(segment(out.size(), run));
                    run = new ArrayList<>();
                }
                run.add(s);
            }
            if (!run.isEmpty()) {
                out.add(segment(out.size(), run));
            }
        }
        return List.copyOf(out);
    }

    private static boolean adjacent(Seat a, Seat b) {
        double distance = Math.hypot(a.centerX() - b.centerX(), a.centerY() - b.centerY());
        return a.category().equals(b.category()) && distance <= ADJACENCY * Math.max(Math.max(a.w(), b.w()), Math.max(a.h(), b.h()));
    }

    private Segment segment(int number, List<Seat> run) {
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (Seat s : run) {
            minX = Math.min(minX, s.centerX());
            maxX = Math.max(maxX, s.centerX());
            minY = Math.min(minY, s.centerY());
            maxY = Math.max(maxY, s.centerY());
        }
        double dx = Math.max(minX, Math.min(maxX, sweetSpot.x())) - sweetSpot.x();
        double dy = Math.max(minY, Math.min(maxY, sweetSpot.y())) - sweetSpot.y();
        return new Segment(number, run.get(0).category(), Math.hypot(dx, dy), List.copyOf(run));
    }
}
