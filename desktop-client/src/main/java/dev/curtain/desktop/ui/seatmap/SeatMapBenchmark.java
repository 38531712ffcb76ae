package dev.curtain.desktop.ui.seatmap;

import dev.curtain.desktop.ui.seatmap.SeatMapModel.Display;
import dev.curtain.model.venue.Category;
import dev.curtain.model.venue.Point;
import dev.curtain.model.venue.Seat;
import dev.curtain.model.venue.Shape;
import dev.curtain.model.venue.ShapeKind;
import dev.curtain.model.venue.Venue;
import dev.curtain.model.venue.VenueKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.function.DoubleSupplier;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * Measures seat map frame times: a 20,000-seat arena-like venue and a 100,000-seat grid, shown at 1280x800 with
 * a realistic mix of states (30% sold, 10% held, 2% blocked, a few own holds).
 *
 * <p>A frame is timed from the start of the redraw until the renderer has rasterised it: after the redraw a 1x1
 * snapshot forces the canvas to execute its queued commands synchronously (the canvas always renders all of
 * them, whatever the snapshot's size). {@code fx_p50_ms} is the FX-thread part alone
 * ({@link SeatMapCanvas#lastRedrawMillis()}).
 *
 * <p>Runs headless by default (needs Monocle on the class path, for example
 * {@code org.testfx:openjfx-monocle}) with the software renderer; pass {@code --native} to use the platform's
 * own window system and pipeline instead. {@code ./curtain bench} runs it with openjfx-monocle 17.0.10, which
 * works on Java 17 with JavaFX 21 (Monocle 21.x is compiled for Java 21).
 */
public final class SeatMapBenchmark {

    private static final int WIDTH = 1280;
    private static final int HEIGHT = 800;
    private static int warmUp = 100;
    private static int runs = 50;

    private static final double SEAT = 10;
    private static final double PITCH = 12;
    private static final double ROW_PITCH = 14;
    private static final double AISLE = 20;

    private SeatMapBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (Arrays.asList(args).contains("--quick")) {
            warmUp = 5;
            runs = 5;
        }
        if (!Arrays.asList(args).contains("--native")) {
            headless();
        }
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        try {
            List<String> lines = onFxThread(SeatMapBenchmark::runAll);
            lines.forEach(System.out::println);
        } finally {
            Platform.exit();
        }
    }

    private static void headless() {
        setDefault("glass.platform", "Monocle");
        setDefault("monocle.platform", "Headless");
        setDefault("prism.order", "sw");
        setDefault("prism.text", "t2k");
        setDefault("testfx.robot", "glass");
        setDefault("java.awt.headless", "true");
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    private static <T> T onFxThread(java.util.concurrent.Callable<T> work) throws Exception {
        FutureTask<T> task = new FutureTask<>(work);
        Platform.runLater(task);
        return task.get();
    }

    private static List<String> runAll() {
        SeatMapCanvas map = new SeatMapCanvas();
        StackPane root = new StackPane(map);
        Stage stage = new Stage();
        stage.setScene(new Scene(root, WIDTH, HEIGHT));
        stage.show();
        root.applyCss();
        root.layout();

        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "seat map benchmark: %dx%d, prism.order=%s, %d runs after %d warm-up,"
                + " times in ms (redraw + rasterisation)", WIDTH, HEIGHT, System.getProperty("prism.order", "default"),
                runs, warmUp));
        for (Venue venue : List.of(arenaLike(), grid(10, 10, 25, 40))) {
            SeatMapModel model = new SeatMapModel(venue);
            randomStatuses(model, new Random(42));
            map.setModel(model);
            map.fitToWindow();
            lines.add(measure(map, model, "fit"));
            // Close enough for rounded seats, marks and row letters over a full screen of seats.
            map.centreOn(model.contentBounds().minX() + model.contentBounds().width() / 2,
                    model.contentBounds().minY() + model.contentBounds().height() / 3, 12);
            lines.add(measure(map, model, "seat12px"));
        }
        stage.close();
        return lines;
    }

    private static String measure(SeatMapCanvas map, SeatMapModel model, String view) {
        double[] fx = new double[runs];
        double[] full = sample(() -> frame(map), fx);
        int[] step = {0};
        double[] pan = sample(() -> {
            // Back and forth by a few pixels, as a drag does, so that the view does not drift away.
            double d = (step[0]++ / 5) % 2 == 0 ? 3 : -3;
            map.panBy(d, d * 0.6);
            return frame(map);
        }, null);
        return String.format(Locale.ROOT,
                "seats=%d view=%s seat_px=%.1f redraw_p50_ms=%.2f redraw_p95_ms=%.2f pan_p50_ms=%.2f"
                        + " pan_p95_ms=%.2f fx_p50_ms=%.2f",
                model.seatCount(), view, model.typicalSeatSize() * map.getScale(), percentile(full, 50),
                percentile(full, 95), percentile(pan, 50), percentile(pan, 95), percentile(fx, 50));
    }

    /** Warm-up, then runs timed frames; when {@code fxOut} is given it receives the FX-thread share of each. */
    private static double[] sample(DoubleSupplier frame, double[] fxOut) {
        for (int i = 0; i < warmUp; i++) {
            frame.getAsDouble();
        }
        double[] times = new double[runs];
        for (int i = 0; i < runs; i++) {
            times[i] = frame.getAsDouble();
            if (fxOut != null) {
                fxOut[i] = lastFx;
            }
        }
        Arrays.sort(times);
        if (fxOut != null) {
            Arrays.sort(fxOut);
        }
        return times;
    }

    /** The FX-thread share of the last frame. */
    private static double lastFx;

    /** One full frame: redraw, then force the renderer to execute the canvas commands. Milliseconds. */
    private static double frame(SeatMapCanvas map) {
        long start = System.nanoTime();
        map.paint();
        SnapshotParameters params = new SnapshotParameters();
        params.setViewport(new Rectangle2D(0, 0, 1, 1));
        map.snapshot(params, null);
        lastFx = map.lastRedrawMillis();
        return (System.nanoTime() - start) / 1e6;
    }

    private static double percentile(double[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    // ------------------------------------------------------------------------------------------ venues

    /**
     * About 20,000 seats in the round: stands of 25 rows on all four sides (8 sections north and south, 6 east
     * and west) round a floor of four 25 x 60 blocks in front of a stage.
     */
    static Venue arenaLike() {
        List<Seat> seats = new ArrayList<>();
        List<Shape> shapes = new ArrayList<>();
        int rows = 25;
        int perRow = 20;
        double depth = rows * ROW_PITCH - (ROW_PITCH - SEAT);
        double sectionLength = perRow * PITCH - (PITCH - SEAT);
        double gap = 40;
        double northSouthLength = 8 * sectionLength + 7 * AISLE;
        double eastWestLength = 6 * sectionLength + 5 * AISLE;
        double innerX = depth + gap;
        double innerY = depth + gap;
        double innerW = northSouthLength;
        double innerH = eastWestLength;

        int section = 1;
        for (int s = 0; s < 8; s++, section++) {
            block(seats, "N" + section, innerX + s * (sectionLength + AISLE), 0, rows, perRow, false, true, "UPPER");
        }
        for (int s = 0; s < 6; s++, section++) {
            block(seats, "E" + section, innerX + innerW + gap, innerY + s * (sectionLength + AISLE), rows, perRow,
                    true, false, "LOWER");
        }
        for (int s = 0; s < 8; s++, section++) {
            block(seats, "S" + section, innerX + s * (sectionLength + AISLE), innerY + innerH + gap, rows, perRow,
                    false, false, "UPPER");
        }
        for (int s = 0; s < 6; s++, section++) {
            block(seats, "W" + section, 0, innerY + s * (sectionLength + AISLE), rows, perRow, true, true, "LOWER");
        }
        // Floor: four blocks of 25 x 60 under the stage.
        double floorBlock = 60 * PITCH - (PITCH - SEAT);
        double floorX = innerX + (innerW - 2 * floorBlock - 2 * AISLE) / 2;
        double stageH = 140;
        double floorY = innerY + stageH + 80;
        shapes.add(new Shape(ShapeKind.STAGE, innerX + innerW / 2 - 220, innerY + 20, 440, stageH, "STAGE"));
        for (int b = 0; b < 4; b++) {
            double x = floorX + (b % 2) * (floorBlock + 2 * AISLE);
            double y = floorY + (b / 2) * (depth + 2 * AISLE);
            block(seats, "F" + (b + 1), x, y, rows, 60, false, false, "FLOOR");
        }
        double w = 2 * (depth + gap) + innerW;
        double h = 2 * (depth + gap) + innerH;
        return new Venue("bench-arena", "Benchmark Arena", VenueKind.ARENA, w, h, new Point(w / 2, h / 2),
                List.of(new Category("FLOOR", "Floor", "#ef4444"), new Category("LOWER", "Lower", "#3b82f6"),
                        new Category("UPPER", "Upper", "#10b981")),
                seats, List.of(), shapes);
    }

    /** A plain grid of {@code blocksX x blocksY} blocks of {@code rows x perRow} seats below a stage. */
    static Venue grid(int blocksX, int blocksY, int rows, int perRow) {
        List<Seat> seats = new ArrayList<>();
        double blockW = perRow * PITCH - (PITCH - SEAT);
        double blockH = rows * ROW_PITCH - (ROW_PITCH - SEAT);
        double aisle = 30;
        double top = 200;
        String[] categories = {"A", "B", "C"};
        for (int by = 0; by < blocksY; by++) {
            for (int bx = 0; bx < blocksX; bx++) {
                block(seats, "B" + by + "-" + bx, bx * (blockW + aisle), top + by * (blockH + aisle), rows, perRow,
                        false, false, categories[by * 3 / blocksY]);
            }
        }
        double w = blocksX * (blockW + aisle) - aisle;
        double h = top + blocksY * (blockH + aisle) - aisle;
        List<Shape> shapes = List.of(new Shape(ShapeKind.STAGE, w / 2 - 600, 20, 1200, 140, "STAGE"));
        return new Venue("bench-grid", "Benchmark Grid", VenueKind.OTHER, w, h, new Point(w / 2, h / 2),
                List.of(new Category("A", "A", "#8b5cf6"), new Category("B", "B", "#3b82f6"),
                        new Category("C", "C", "#10b981")),
                seats, List.of(), shapes);
    }

    /** One block of seats; rows run along x, or along y when {@code vertical}; {@code reversed} puts row A last. */
    private static void block(List<Seat> seats, String section, double x, double y, int rows, int perRow,
            boolean vertical, boolean reversed, String category) {
        for (int r = 0; r < rows; r++) {
            int depthIndex = reversed ? rows - 1 - r : r;
            String row = rowLabel(r);
            for (int i = 0; i < perRow; i++) {
                double along = i * PITCH;
                double across = depthIndex * ROW_PITCH;
                double sx = vertical ? x + across : x + along;
                double sy = vertical ? y + along : y + across;
                boolean accessible = r == rows - 1 && (i < 2 || i >= perRow - 2);
                seats.add(new Seat(section + "-" + row + "-" + (i + 1), section, row, i + 1, sx, sy, SEAT, SEAT,
                        category, accessible, false, null));
            }
        }
    }

    private static String rowLabel(int index) {
        return String.valueOf((char) ('A' + index % 26)).repeat(index / 26 + 1);
    }

    /** 30% sold, 10% held, 2% blocked, and a handful of own holds. */
    static void randomStatuses(SeatMapModel model, Random random) {
        for (int i = 0; i < model.seatCount(); i++) {
            double p = random.nextDouble();
            Display d = p < 0.30 ? Display.SOLD : p < 0.40 ? Display.HELD : p < 0.42 ? Display.BLOCKED
                    : p < 0.4212 ? Display.MINE : Display.AVAILABLE;
            model.setDisplay(i, d);
        }
    }
}
