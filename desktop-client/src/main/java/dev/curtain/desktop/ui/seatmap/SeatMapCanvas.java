package dev.curtain.desktop.ui.seatmap;

import dev.curtain.desktop.ui.seatmap.SeatMapModel.Display;
import dev.curtain.desktop.ui.seatmap.SeatMapModel.IntList;
import dev.curtain.desktop.ui.seatmap.SeatMapModel.RowLabel;
import dev.curtain.model.venue.Category;
import dev.curtain.model.venue.Seat;
import dev.curtain.model.venue.SeatTable;
import dev.curtain.model.venue.Shape;
import dev.curtain.model.venue.TableShape;
import java.nio.IntBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.animation.AnimationTimer;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.geometry.VPos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.effect.DropShadow;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.ZoomEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.RadialGradient;
import javafx.scene.paint.Stop;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import javafx.stage.Window;

/**
 * A cinema-style seat map for venues of up to 100,000 seats, drawn on one {@link Canvas}.
 *
 * <p>Drawing: shapes, tables and text go through the canvas' GraphicsContext; seat bodies are rasterised into an
 * anti-aliased device-resolution bitmap that is drawn with a single {@code drawImage}. The software pipeline
 * charges about 0.3 us per fillRect and 1.6 us per fillRoundRect, so 20,000 rounded seats as GraphicsContext
 * calls would take 30+ ms; the bitmap costs a few ms whatever the seat count. Marks that need vector quality
 * (check, wheelchair, numbers, row letters) stay on the GraphicsContext, batched so that each kind sets its paint
 * once and fills or strokes one path. Only seats intersecting the viewport are visited (grid index in the model).
 *
 * <p>Threading: use it on the FX thread. The model may be changed from any thread; the canvas polls its
 * {@link SeatMapModel#revision()} on every pulse and redraws at most once per pulse. {@link #refresh()} may be
 * called from any thread.
 */
public final class SeatMapCanvas extends Region {

    // Level of detail, by the on-screen size of a typical seat in pixels.
    /** Below this, seats are plain rectangles without rounding, marks or labels. */
    private static final double PLAIN_BELOW_PX = 4;
    /** From here held seats are striped and blocked seats crossed. */
    private static final double PATTERNS_FROM_PX = 6;
    /** From here the check on own seats, the wheelchair mark and the restricted-view dot. */
    private static final double GLYPHS_FROM_PX = 9;
    /** From here the wheelchair mark is a pictogram rather than a dot. */
    private static final double PICTOGRAM_FROM_PX = 16;
    /** From here row letters at the row ends. */
    private static final double ROW_LABELS_FROM_PX = 8;
    /** From here seat numbers inside the seats. */
    private static final double NUMBERS_FROM_PX = 18;
    /** The largest zoom: a seat this many pixels wide. */
    private static final double MAX_SEAT_PX = 110;
    /** Space kept round the venue by fitToWindow, in pixels. */
    private static final double FIT_PADDING = 28;
    /** A press that moves less than this is a click, not a drag. */
    private static final double DRAG_THRESHOLD = 4;
    /** One notch of a mouse wheel (deltaY 40) zooms by this factor. */
    private static final double WHEEL_NOTCH_ZOOM = 1.2;
    private static final double KEY_ZOOM = 1.25;
    private static final double KEY_PAN = 60;

    private final Canvas canvas = new Canvas();
    private final SeatRaster[] rasters = {new SeatRaster(), new SeatRaster()};
    private int rasterFrame;
    private final Rectangle hoverRing = new Rectangle();
    private final Rectangle rubberBand = new Rectangle();
    private final Label tip = new Label();
    private final IntList visible = new IntList();
    private final Map<Double, Font> fonts = new HashMap<>();

    private SeatMapModel model;
    private SeatMapPalette palette = SeatMapPalette.LIGHT;
    private Function<Seat, String> tooltipText = this::defaultTooltip;
    private Function<SeatTable, String> tableTooltipText = t -> t.label() + " · " + t.seatIds().size() + " seats";
    private Consumer<Seat> onSeatClicked;
    private Consumer<SeatTable> onTableClicked;
    private Consumer<List<Seat>> onSeatsDragSelected;

    /** Colours per colour slot: one slot per category, one for unknown categories, one per non-available state. */
    private Color[] slotColors = new Color[0];
    private int[] slotArgb = new int[0];
    private boolean[] slotDarkText = new boolean[0];

    // View transform: screen = layout * scale + translate.
    private double scale = 1;
    private double translateX;
    private double translateY;
    /** True until the user moves the view: the map then re-fits when the region is resized. */
    private boolean fitted = true;

    private volatile boolean dirty = true;
    private long drawnRevision = -1;
    private double drawnPixelScale = 1;
    private double lastRedrawMillis;

    private final Interaction interaction = new Interaction();

    private final AnimationTimer pulse = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (dirty || pixelScale() != drawnPixelScale || (model != null && model.revision() != drawnRevision)) {
                paint();
            }
        }
    };

    public SeatMapCanvas() {
        getStyleClass().add("seat-map");
        setFocusTraversable(true);
        setMinSize(0, 0);
        canvas.setManaged(false);
        canvas.widthProperty().bind(widthProperty());
        canvas.heightProperty().bind(heightProperty());
        canvas.widthProperty().addListener((o, oldW, newW) -> resized(oldW.doubleValue(), canvas.getHeight()));
        canvas.heightProperty().addListener((o, oldH, newH) -> resized(canvas.getWidth(), oldH.doubleValue()));

        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);

        for (Node overlay : List.of(hoverRing, rubberBand, tip)) {
            overlay.setManaged(false);
            overlay.setMouseTransparent(true);
            overlay.setVisible(false);
        }
        hoverRing.setFill(Color.TRANSPARENT);
        hoverRing.setStrokeWidth(2);
        rubberBand.getStrokeDashArray().setAll(5.0, 4.0);
        rubberBand.setStrokeWidth(1.2);
        tip.setWrapText(false);
        tip.getStyleClass().add("seat-map-tooltip");
        tip.setEffect(new DropShadow(10, 0, 3, Color.rgb(0, 0, 0, 0.28)));
        getChildren().addAll(canvas, hoverRing, rubberBand, tip);

        sceneProperty().addListener((o, oldScene, newScene) -> attached(newScene));
        interaction.install();
        applyPalette();
    }

    // ------------------------------------------------------------------------------------------ API

    /** Shows another model (or none), then fits it to the window. */
    public void setModel(SeatMapModel model) {
        this.model = model;
        updateSlots();
        interaction.clearHover();
        fitToWindow();
    }

    public SeatMapModel getModel() {
        return model;
    }

    /** {@link SeatMapPalette#LIGHT}, {@link SeatMapPalette#DARK}, or a custom one. */
    public void setPalette(SeatMapPalette palette) {
        this.palette = palette == null ? SeatMapPalette.LIGHT : palette;
        applyPalette();
        updateSlots();
        refresh();
    }

    public SeatMapPalette getPalette() {
        return palette;
    }

    /** The hover label's text for a seat; null or a function returning null shows no label. */
    public void setTooltipText(Function<Seat, String> text) {
        this.tooltipText = text;
        interaction.clearHover();
    }

    /** The hover label's text for a table body; null shows no label. */
    public void setTableTooltipText(Function<SeatTable, String> text) {
        this.tableTooltipText = text;
        interaction.clearHover();
    }

    /** A left click on a seat (any state: the handler decides what a click on a sold seat means). */
    public void setOnSeatClicked(Consumer<Seat> handler) {
        this.onSeatClicked = handler;
    }

    /** A left click on a table's body (not on one of its seats). */
    public void setOnTableClicked(Consumer<SeatTable> handler) {
        this.onTableClicked = handler;
    }

    /** A left drag (rubber band); called with the seats whose centre is inside the band, when there are any. */
    public void setOnSeatsDragSelected(Consumer<List<Seat>> handler) {
        this.onSeatsDragSelected = handler;
    }

    /** Fits the whole venue into the region; deferred until the region has a size. */
    public void fitToWindow() {
        fitted = true;
        double w = getWidth();
        double h = getHeight();
        if (model != null && w > 0 && h > 0) {
            SeatMapModel.Bounds b = model.contentBounds();
            scale = fitScale(w, h);
            translateX = w / 2 - (b.minX() + b.width() / 2) * scale;
            translateY = h / 2 - (b.minY() + b.height() / 2) * scale;
        }
        refresh();
    }

    /** Zooms around the centre of the view. */
    public void zoomBy(double factor) {
        zoomAt(getWidth() / 2, getHeight() / 2, factor);
    }

    /** Zooms around a point of the region (pixels). */
    public void zoomAt(double x, double y, double factor) {
        if (model == null || !(factor > 0)) {
            return;
        }
        double newScale = clamp(scale * factor, minScale(), maxScale());
        double f = newScale / scale;
        translateX = x - (x - translateX) * f;
        translateY = y - (y - translateY) * f;
        scale = newScale;
        viewMoved();
    }

    /** Moves the view by pixels. */
    public void panBy(double dx, double dy) {
        translateX += dx;
        translateY += dy;
        viewMoved();
    }

    /** Zooms so that a layout point is at the centre and a typical seat is {@code seatPixels} wide. */
    public void centreOn(double layoutX, double layoutY, double seatPixels) {
        if (model == null) {
            return;
        }
        scale = clamp(seatPixels / model.typicalSeatSize(), minScale(), maxScale());
        translateX = getWidth() / 2 - layoutX * scale;
        translateY = getHeight() / 2 - layoutY * scale;
        viewMoved();
    }

    /** Redraws on the next pulse; several calls before it cost one redraw. Safe from any thread. */
    public void refresh() {
        dirty = true;
    }

    /** How long the last full redraw took on the FX thread, in milliseconds. */
    public double lastRedrawMillis() {
        return lastRedrawMillis;
    }

    /** Current zoom: screen pixels per layout unit. */
    public double getScale() {
        return scale;
    }

    /** Converts a region point to layout coordinates. */
    public double toLayoutX(double screenX) {
        return (screenX - translateX) / scale;
    }

    public double toLayoutY(double screenY) {
        return (screenY - translateY) / scale;
    }

    /** Converts layout coordinates to a point in this region (the inverse of toLayoutX/Y). */
    public Point2D layoutToLocal(double layoutX, double layoutY) {
        return new Point2D(layoutX * scale + translateX, layoutY * scale + translateY);
    }

    /** The default hover text: "MAIN · Row C · Seat 12\nPremium · Available", plus accessibility notes. */
    public String defaultTooltip(Seat seat) {
        StringBuilder sb = new StringBuilder();
        if (seat.tableId() != null) {
            sb.append("Table ").append(seat.tableId()).append(" · Seat ").append(seat.number());
        } else {
            sb.append(seat.section()).append(" · Row ").append(seat.row()).append(" · Seat ").append(seat.number());
        }
        if (model != null) {
            int index = model.indexOf(seat.id());
            int category = index < 0 ? -1 : model.categoryIndex(index);
            sb.append('\n');
            if (category >= 0) {
                sb.append(model.venue().categories().get(category).name()).append(" · ");
            }
            sb.append(switch (model.display(seat.id())) {
                case AVAILABLE -> "Available";
                case MINE -> "Held by you";
                case HELD -> "Held";
                case SOLD -> "Sold";
                case BLOCKED -> "Blocked";
            });
        }
        if (seat.accessible()) {
            sb.append("\nWheelchair space");
        }
        if (seat.restrictedView()) {
            sb.append("\nRestricted view");
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------------------------------ layout

    @Override
    protected double computePrefWidth(double height) {
        return 800;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 600;
    }

    private void resized(double oldW, double oldH) {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (fitted) {
            fitToWindow();
        } else {
            // Keep what was in the middle in the middle.
            translateX += (w - oldW) / 2;
            translateY += (h - oldH) / 2;
            refresh();
        }
    }

    /** Runs the redraw poller only while the map is in a scene. */
    private void attached(Scene scene) {
        if (scene != null) {
            pulse.start();
            refresh();
        } else {
            pulse.stop();
        }
    }

    private double pixelScale() {
        Scene scene = getScene();
        Window window = scene == null ? null : scene.getWindow();
        return window == null ? 1 : Math.max(window.getRenderScaleX(), window.getRenderScaleY());
    }

    // ------------------------------------------------------------------------------------------ view

    private double fitScale(double w, double h) {
        SeatMapModel.Bounds b = model.contentBounds();
        double pad = Math.min(FIT_PADDING, Math.min(w, h) / 8);
        double sx = (w - 2 * pad) / Math.max(b.width(), 1);
        double sy = (h - 2 * pad) / Math.max(b.height(), 1);
        return Math.max(Math.min(sx, sy), 1e-4);
    }

    private double minScale() {
        return fitScale(Math.max(getWidth(), 1), Math.max(getHeight(), 1)) * 0.5;
    }

    private double maxScale() {
        return Math.max(MAX_SEAT_PX / model.typicalSeatSize(), minScale() * 4);
    }

    private void viewMoved() {
        fitted = false;
        clampView();
        refresh();
    }

    /** Keeps part of the venue on screen, so that a fling cannot lose it. */
    private void clampView() {
        if (model == null) {
            return;
        }
        SeatMapModel.Bounds b = model.contentBounds();
        double keep = 80;
        double w = getWidth();
        double h = getHeight();
        translateX = clamp(translateX, keep - b.maxX() * scale, w - keep - b.minX() * scale);
        translateY = clamp(translateY, keep - b.maxY() * scale, h - keep - b.minY() * scale);
    }

    private static double clamp(double v, double lo, double hi) {
        return lo > hi ? (lo + hi) / 2 : Math.max(lo, Math.min(hi, v));
    }

    // ------------------------------------------------------------------------------------------ painting

    /** A full redraw. FX thread only; normally called by the pulse poller. Package-private for the benchmark. */
    void paint() {
        long start = System.nanoTime();
        dirty = false;
        drawnPixelScale = pixelScale();
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setTransform(1, 0, 0, 1, 0, 0);
        // A clear of the whole canvas also drops the canvas' queued commands, so missed frames cannot pile up.
        g.clearRect(0, 0, w, h);
        g.setFill(palette.background());
        g.fillRect(0, 0, w, h);
        if (model != null && w >= 1 && h >= 1) {
            drawnRevision = model.revision();
            View view = new View(scale, translateX, translateY, w, h, model.typicalSeatSize() * scale);
            drawShapeBodies(g, view);
            drawTables(g, view);
            collectVisibleSeats(view);
            drawSeatBodies(g, view);
            drawSeatGlyphs(g, view);
            drawSeatNumbers(g, view);
            drawRowLabels(g, view);
            drawShapeLabels(g, view);
            interaction.viewRedrawn();
        }
        lastRedrawMillis = (System.nanoTime() - start) / 1e6;
    }

    /** The transform and visible layout rectangle of one frame. */
    private record View(double scale, double tx, double ty, double width, double height, double seatPx) {
        double x(double layoutX) {
            return layoutX * scale + tx;
        }

        double y(double layoutY) {
            return layoutY * scale + ty;
        }

        double minX() {
            return -tx / scale;
        }

        double minY() {
            return -ty / scale;
        }

        double maxX() {
            return (width - tx) / scale;
        }

        double maxY() {
            return (height - ty) / scale;
        }

        boolean sees(double x, double y, double w, double h) {
            return x <= maxX() && x + w >= minX() && y <= maxY() && y + h >= minY();
        }
    }

    private void collectVisibleSeats(View view) {
        visible.clear();
        model.forEachSeatIntersecting(view.minX(), view.minY(), view.maxX(), view.maxY(), visible::add);
    }

    // ---- shapes

    private void drawShapeBodies(GraphicsContext g, View view) {
        for (Shape s : model.venue().shapes()) {
            if (s.kind() == null || !view.sees(s.x(), s.y(), s.w(), s.h())) {
                continue;
            }
            double x = view.x(s.x());
            double y = view.y(s.y());
            double w = s.w() * view.scale();
            double h = s.h() * view.scale();
            switch (s.kind()) {
                case SECTION -> {
                    double r = Math.min(8, Math.min(w, h) * 0.2);
                    g.setFill(palette.sectionFill());
                    g.fillRoundRect(x, y, w, h, r, r);
                    g.setStroke(palette.sectionStroke());
                    g.setLineWidth(1);
                    g.strokeRoundRect(x + 0.5, y + 0.5, w - 1, h - 1, r, r);
                }
                case AISLE -> {
                    g.setFill(palette.aisle());
                    g.fillRect(x, y, w, h);
                }
                case WALL -> {
                    g.setFill(palette.wall());
                    g.fillRect(x, y, w, h);
                }
                case STAGE -> drawStage(g, x, y, w, h);
                case SCREEN -> drawScreen(g, x, y, w, h);
                case BAR -> {
                    double r = Math.min(10, h * 0.4);
                    g.setFill(palette.bar());
                    g.fillRoundRect(x, y, w, h, r, r);
                }
                case EXIT -> {
                    g.setFill(palette.exit());
                    g.fillRoundRect(x, y, w, h, 4, 4);
                }
                case LABEL -> {
                    // Text only, drawn on top of the seats.
                }
            }
        }
    }

    private void drawStage(GraphicsContext g, double x, double y, double w, double h) {
        double r = Math.min(14, Math.min(w, h) * 0.12);
        g.setFill(new LinearGradient(0, y, 0, y + h, false, CycleMethod.NO_CYCLE,
                new Stop(0, palette.stageTop()), new Stop(1, palette.stageBottom())));
        g.fillRoundRect(x, y, w, h, r, r);
        // A thin highlight along the front edge: the stage lip.
        g.setStroke(palette.stageTop().interpolate(Color.WHITE, 0.25));
        g.setLineWidth(Math.max(1, Math.min(3, h * 0.03)));
        g.strokeLine(x + r / 2, y + h - 1, x + w - r / 2, y + h - 1);
    }

    /** A screen as a gently curved bar with a soft projection glow spreading towards the audience. */
    private void drawScreen(GraphicsContext g, double x, double y, double w, double h) {
        double bow = Math.max(h * 1.2, w * 0.025);
        double glowDepth = Math.max(h * 4, w * 0.08);
        // Proportional radial gradient: an ellipse fading out towards the audience and the side walls.
        g.setFill(new RadialGradient(0, 0, 0.5, 0, 0.75, true, CycleMethod.NO_CYCLE,
                new Stop(0, palette.screenGlow()), new Stop(1, palette.screenGlow().deriveColor(0, 1, 1, 0))));
        g.beginPath();
        g.moveTo(x, y + h);
        g.quadraticCurveTo(x + w / 2, y + h - bow, x + w, y + h);
        g.lineTo(x + w - w * 0.06, y + h + glowDepth);
        g.lineTo(x + w * 0.06, y + h + glowDepth);
        g.closePath();
        g.fill();

        g.setStroke(palette.screen());
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineWidth(Math.max(2, h * 0.9));
        g.beginPath();
        g.moveTo(x + h / 2, y + h / 2 + bow / 2);
        g.quadraticCurveTo(x + w / 2, y + h / 2 - bow / 2, x + w - h / 2, y + h / 2 + bow / 2);
        g.stroke();
        g.setLineCap(StrokeLineCap.SQUARE);
    }

    private void drawShapeLabels(GraphicsContext g, View view) {
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.CENTER);
        for (Shape s : model.venue().shapes()) {
            if (s.kind() == null || s.label() == null || s.label().isBlank()
                    || !view.sees(s.x(), s.y(), s.w(), s.h())) {
                continue;
            }
            double x = view.x(s.x());
            double y = view.y(s.y());
            double w = s.w() * view.scale();
            double h = s.h() * view.scale();
            switch (s.kind()) {
                case STAGE -> drawFittedText(g, spaced(s.label()), x + w / 2, y + h / 2, w * 0.8, h * 0.32,
                        palette.stageText(), 7);
                case SCREEN -> {
                    double size = clamp(w * 0.035, 8, 15);
                    g.setFont(font(size, FontWeight.BOLD));
                    g.setFill(palette.label());
                    g.fillText(spaced(s.label()), x + w / 2, y + h + Math.max(h * 1.6, size * 1.3));
                }
                case BAR, EXIT -> drawFittedText(g, s.label(), x + w / 2, y + h / 2, w * 0.85, h * 0.55,
                        palette.stageText(), 6);
                case SECTION -> {
                    double size = Math.min(13, Math.max(0, h * 0.22));
                    if (size >= 7) {
                        g.setFont(font(size, FontWeight.BOLD));
                        g.setFill(palette.label());
                        g.fillText(s.label(), x + w / 2, y - size * 0.75);
                    }
                }
                case LABEL -> {
                    // Small section names may outgrow their box a little to stay readable: they sit in gangways.
                    double byHeight = Math.max(h * 0.8, Math.min(10, h * 2.4));
                    double byWidth = w * 1.3 / (s.label().length() * 0.62);
                    double size = Math.min(Math.min(byHeight, byWidth), 18);
                    if (size >= 6.5) {
                        g.setFont(font(size, FontWeight.BOLD));
                        g.setFill(palette.label());
                        g.fillText(s.label(), x + w / 2, y + h / 2);
                    }
                }
                default -> {
                }
            }
        }
    }

    /** Centred text at the largest size up to {@code maxSize} that fits {@code maxWidth}; skipped below minSize. */
    private void drawFittedText(GraphicsContext g, String text, double cx, double cy, double maxWidth,
            double maxSize, Color color, double minSize) {
        double size = Math.min(maxSize, maxWidth / Math.max(1, text.length() * 0.68));
        if (size < minSize) {
            return;
        }
        g.setFont(font(Math.min(size, 40), FontWeight.BOLD));
        g.setFill(color);
        g.fillText(text, cx, cy);
    }

    /** Letter-spaced capitals for stage and screen names. */
    private static String spaced(String label) {
        String upper = label.toUpperCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(upper.length() * 2);
        for (int i = 0; i < upper.length(); i++) {
            if (i > 0) {
                sb.append('\u2009');
            }
            sb.append(upper.charAt(i));
        }
        return sb.toString();
    }

    // ---- tables

    private void drawTables(GraphicsContext g, View view) {
        List<SeatTable> tables = model.venue().tables();
        if (tables.isEmpty()) {
            return;
        }
        g.setFill(palette.tableFill());
        g.setStroke(palette.tableStroke());
        g.setLineWidth(Math.max(1, Math.min(2, view.scale() * 0.25)));
        for (SeatTable t : tables) {
            double x0 = t.x() - t.w() / 2;
            double y0 = t.y() - t.h() / 2;
            if (!view.sees(x0, y0, t.w(), t.h())) {
                continue;
            }
            double x = view.x(x0);
            double y = view.y(y0);
            double w = t.w() * view.scale();
            double h = t.h() * view.scale();
            if (t.shape() == TableShape.ROUND) {
                g.fillOval(x, y, w, h);
                g.strokeOval(x, y, w, h);
            } else {
                double r = Math.min(w, h) * 0.25;
                g.fillRoundRect(x, y, w, h, r, r);
                g.strokeRoundRect(x, y, w, h, r, r);
            }
        }
        double size = Math.min(14, 9 * view.scale());
        if (size >= 6) {
            g.setFont(font(size, FontWeight.BOLD));
            g.setFill(palette.tableText());
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            for (SeatTable t : tables) {
                if (t.label() != null && view.sees(t.x() - t.w() / 2, t.y() - t.h() / 2, t.w(), t.h())) {
                    g.fillText(t.label(), view.x(t.x()), view.y(t.y()));
                }
            }
        }
    }

    // ---- seats

    private void drawSeatBodies(GraphicsContext g, View view) {
        double ps = drawnPixelScale;
        int width = (int) Math.ceil(view.width() * ps);
        int height = (int) Math.ceil(view.height() * ps);
        // Two bitmaps in turn: the render thread may still be reading the one drawn last pulse.
        SeatRaster raster = rasters[rasterFrame ^= 1];
        raster.ensureSize(width, height);
        raster.update(() -> rasteriseSeats(raster, view, ps));
        int[] r = raster.drawnRegion();
        if (r[2] > 0) {
            g.setImageSmoothing(false);
            g.drawImage(raster.image(), r[0], r[1], r[2], r[3], r[0] / ps, r[1] / ps, r[2] / ps, r[3] / ps);
        }
    }

    private void rasteriseSeats(SeatRaster raster, View view, double ps) {
        double seatDevicePx = view.seatPx() * ps;
        boolean plain = view.seatPx() < PLAIN_BELOW_PX;
        boolean patterns = view.seatPx() >= PATTERNS_FROM_PX;
        double k = view.scale() * ps;
        double ox = view.tx() * ps;
        double oy = view.ty() * ps;
        double radius = plain ? 0 : Math.max(1, seatDevicePx * 0.24);
        double stripe = Math.max(2, Math.round(seatDevicePx * 0.16));
        double crossWidth = Math.max(1, seatDevicePx * 0.09);
        int heldStripe = SeatRaster.argb(palette.heldStripe());
        int blockedMark = SeatRaster.argb(palette.blockedMark());
        int unknown = slotArgb.length - 5;
        int held = Display.HELD.ordinal();
        int blocked = Display.BLOCKED.ordinal();
        int mine = Display.MINE.ordinal();
        float[] geometry = model.geometry();
        for (int n = 0; n < visible.size(); n++) {
            int i = visible.get(n);
            int d = model.displayOrdinal(i);
            int color = slotArgb[slotOf(i, d, unknown)];
            double x0 = geometry[4 * i] * k + ox;
            double y0 = geometry[4 * i + 1] * k + oy;
            double x1 = x0 + geometry[4 * i + 2] * k;
            double y1 = y0 + geometry[4 * i + 3] * k;
            if (plain) {
                raster.fillBox(x0, y0, x1, y1, color);
            } else if (patterns && d == held) {
                raster.fillRounded(x0, y0, x1, y1, radius, color, SeatRaster.STRIPES, heldStripe, stripe);
            } else if (patterns && d == blocked) {
                raster.fillRounded(x0, y0, x1, y1, radius, color, SeatRaster.CROSS, blockedMark, crossWidth);
            } else {
                raster.fillRounded(x0, y0, x1, y1, radius, color, SeatRaster.SOLID, 0, 0);
            }
        }
        // Own seats get a ring, drawn last so that neighbours cannot cover it: they must stand out from a
        // green price category at any zoom.
        int ring = SeatRaster.argb(palette.mineRing());
        double ringWidth = clamp(seatDevicePx * 0.14, 1, 4 * ps);
        double gap = plain ? 0 : Math.min(1.5 * ps, seatDevicePx * 0.08);
        for (int n = 0; n < visible.size(); n++) {
            int i = visible.get(n);
            if (model.displayOrdinal(i) == mine) {
                double x0 = geometry[4 * i] * k + ox;
                double y0 = geometry[4 * i + 1] * k + oy;
                raster.ring(x0, y0, x0 + geometry[4 * i + 2] * k, y0 + geometry[4 * i + 3] * k,
                        Math.max(radius, 0.5), gap, gap + ringWidth, ring);
            }
        }
    }

    /** Colour slot of a seat: its category when available, else its state (see {@link #updateSlots()}). */
    private int slotOf(int seatIndex, int displayOrdinal, int unknown) {
        if (displayOrdinal != Display.AVAILABLE.ordinal()) {
            return unknown + displayOrdinal;
        }
        int category = model.categoryIndex(seatIndex);
        return category >= 0 ? category : unknown;
    }

    /** Vector marks on top of the seat bitmap; each kind is one path with one paint. */
    private void drawSeatGlyphs(GraphicsContext g, View view) {
        double px = view.seatPx();
        if (px < GLYPHS_FROM_PX) {
            return;
        }
        boolean numbers = px >= NUMBERS_FROM_PX;
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineJoin(StrokeLineJoin.ROUND);

        // Own seats: a check, unless numbers are shown (the ring already marks them then).
        if (!numbers) {
            g.setStroke(palette.glyphOn(palette.mine()));
            g.setLineWidth(Math.max(1.3, px * 0.13));
            g.beginPath();
            forEachVisible(Display.MINE, view, (s, x, y, w, h) -> {
                g.moveTo(x + w * 0.27, y + h * 0.53);
                g.lineTo(x + w * 0.44, y + h * 0.69);
                g.lineTo(x + w * 0.74, y + h * 0.34);
            });
            g.stroke();
        }

        // Wheelchair spaces: a pictogram when large, a dot otherwise.
        boolean pictogram = px >= PICTOGRAM_FROM_PX;
        g.setFill(palette.glyphOnDark());
        g.setStroke(palette.glyphOnDark());
        g.setLineWidth(Math.max(1.2, px * 0.075));
        g.beginPath();
        forEachAccessible(view, (s, x, y, w, h) -> {
            if (pictogram) {
                appendWheelchair(g, x, y, w, h);
            } else {
                double r = Math.min(w, h) * 0.18;
                appendCircle(g, x + w / 2, y + h / 2, r);
            }
        });
        if (pictogram) {
            g.stroke();
        } else {
            g.fill();
        }

        // Restricted view: a small dot in the top right corner.
        g.setFill(palette.glyphOnLight().deriveColor(0, 1, 1, 0.85));
        g.beginPath();
        forEachRestricted(view, (s, x, y, w, h) -> {
            double r = Math.min(w, h) * 0.13;
            appendCircle(g, x + w - r * 1.9, y + r * 1.9, r);
        });
        g.fill();
        g.setLineCap(StrokeLineCap.SQUARE);
        g.setLineJoin(StrokeLineJoin.MITER);
    }

    /** A wheelchair user: head, back and seat, and the wheel. */
    private static void appendWheelchair(GraphicsContext g, double x, double y, double w, double h) {
        double s = Math.min(w, h);
        double cx = x + w / 2;
        double cy = y + h / 2;
        double u = s / 10;
        appendCircle(g, cx - 0.6 * u, cy - 3.1 * u, 0.75 * u);
        g.moveTo(cx - 0.9 * u, cy - 1.6 * u);
        g.lineTo(cx - 0.6 * u, cy + 0.9 * u);
        g.lineTo(cx + 1.9 * u, cy + 0.9 * u);
        g.lineTo(cx + 2.7 * u, cy + 3.0 * u);
        g.moveTo(cx - 0.8 * u, cy - 0.5 * u);
        g.lineTo(cx + 1.4 * u, cy - 0.5 * u);
        // The wheel: an open arc round the seat.
        g.moveTo(cx - 2.2 * u, cy - 0.4 * u);
        g.arc(cx - 0.4 * u, cy + 1.4 * u, 2.5 * u, 2.5 * u, 135, 225);
    }

    private static void appendCircle(GraphicsContext g, double cx, double cy, double r) {
        g.moveTo(cx + r, cy);
        g.arc(cx, cy, r, r, 0, 360);
        g.closePath();
    }

    private void drawSeatNumbers(GraphicsContext g, View view) {
        double px = view.seatPx();
        if (px < NUMBERS_FROM_PX) {
            return;
        }
        g.setFont(font(Math.min(px * 0.45, 16), FontWeight.BOLD));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        int unknown = slotArgb.length - 5;
        // Two passes, one per text colour, so the fill is set twice per frame rather than per seat.
        for (boolean darkText : new boolean[] {false, true}) {
            g.setFill(darkText ? palette.glyphOnLight() : palette.glyphOnDark());
            for (int n = 0; n < visible.size(); n++) {
                int i = visible.get(n);
                Display d = model.display(i);
                Seat s = model.seat(i);
                if (d == Display.BLOCKED || s.accessible() || slotDarkText[slotOf(i, d.ordinal(), unknown)] != darkText) {
                    continue;
                }
                double y = view.y(s.y()) + s.h() * view.scale() / 2;
                g.fillText(Integer.toString(s.number()), view.x(s.x()) + s.w() * view.scale() / 2, y);
            }
        }
    }

    private void drawRowLabels(GraphicsContext g, View view) {
        double px = view.seatPx();
        if (px < ROW_LABELS_FROM_PX) {
            return;
        }
        double size = clamp(px * 0.6, 7.5, 14);
        double gap = Math.max(4, px * 0.45);
        g.setFont(font(size, FontWeight.BOLD));
        g.setFill(palette.rowLabel());
        g.setTextBaseline(VPos.CENTER);
        double margin = model.typicalSeatSize() * 3;
        List<RowLabel> labels = model.rowLabels();
        // One pass per text alignment keeps GraphicsContext state changes per frame, not per label.
        for (TextAlignment align : new TextAlignment[] {TextAlignment.RIGHT, TextAlignment.LEFT,
                TextAlignment.CENTER}) {
            g.setTextAlign(align);
            for (RowLabel l : labels) {
                if (alignOf(l) != align || !view.sees(l.x() - margin, l.y() - margin, 2 * margin, 2 * margin)) {
                    continue;
                }
                double x = view.x(l.x()) + l.dx() * gap;
                double y = view.y(l.y()) + l.dy() * (gap + size * 0.1);
                if (l.dy() != 0) {
                    y += l.dy() * size * 0.5;
                }
                g.fillText(l.text(), x, y);
            }
        }
    }

    private static TextAlignment alignOf(RowLabel l) {
        return l.dx() < 0 ? TextAlignment.RIGHT : l.dx() > 0 ? TextAlignment.LEFT : TextAlignment.CENTER;
    }

    /** A mark drawn for one seat at its screen rectangle. */
    private interface SeatMark {
        void draw(Seat seat, double x, double y, double w, double h);
    }

    private void forEachVisible(Display display, View view, SeatMark mark) {
        for (int n = 0; n < visible.size(); n++) {
            int i = visible.get(n);
            if (model.display(i) == display) {
                markSeat(model.seat(i), view, mark);
            }
        }
    }

    private void forEachAccessible(View view, SeatMark mark) {
        for (int n = 0; n < visible.size(); n++) {
            Seat s = model.seat(visible.get(n));
            if (s.accessible()) {
                markSeat(s, view, mark);
            }
        }
    }

    private void forEachRestricted(View view, SeatMark mark) {
        for (int n = 0; n < visible.size(); n++) {
            Seat s = model.seat(visible.get(n));
            if (s.restrictedView()) {
                markSeat(s, view, mark);
            }
        }
    }

    private static void markSeat(Seat s, View view, SeatMark mark) {
        mark.draw(s, view.x(s.x()), view.y(s.y()), s.w() * view.scale(), s.h() * view.scale());
    }

    private Font font(double size, FontWeight weight) {
        double key = Math.round(size * 2) / 2.0 * (weight == FontWeight.BOLD ? 1 : -1);
        return fonts.computeIfAbsent(key, k -> Font.font("System", weight, Math.abs(k)));
    }

    // ------------------------------------------------------------------------------------------ colours

    private void updateSlots() {
        List<Category> categories = model == null ? List.of() : model.venue().categories();
        int k = categories.size();
        slotColors = new Color[k + 5];
        for (int c = 0; c < k; c++) {
            slotColors[c] = parseColor(categories.get(c).color(), palette.unknownCategory());
        }
        slotColors[k] = palette.unknownCategory();
        for (Display d : Display.values()) {
            if (d != Display.AVAILABLE) {
                slotColors[k + d.ordinal()] = palette.seatFill(d);
            }
        }
        slotArgb = new int[slotColors.length];
        slotDarkText = new boolean[slotColors.length];
        for (int i = 0; i < slotColors.length; i++) {
            slotArgb[i] = SeatRaster.argb(slotColors[i]);
            slotDarkText[i] = palette.glyphOn(slotColors[i]) == palette.glyphOnLight();
        }
        refresh();
    }

    private static Color parseColor(String css, Color fallback) {
        try {
            return css == null ? fallback : Color.web(css);
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    private static String css(Color c) {
        return String.format(Locale.ROOT, "rgba(%d,%d,%d,%.3f)", Math.round(c.getRed() * 255),
                Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255), c.getOpacity());
    }

    private void applyPalette() {
        hoverRing.setStroke(palette.hover());
        rubberBand.setFill(palette.bandFill());
        rubberBand.setStroke(palette.bandStroke());
        // Inline style: it wins over application stylesheets that restyle every Label.
        tip.setStyle("-fx-background-color: " + css(palette.tooltipFill()) + "; -fx-background-radius: 7;"
                + " -fx-text-fill: " + css(palette.tooltipText()) + "; -fx-padding: 6 10 7 10;"
                + " -fx-font-size: 12.5px; -fx-line-spacing: 2px;");
    }

    // ------------------------------------------------------------------------------------------ input

    /** Mouse, touch, scroll and keyboard handling, and the overlays they drive (hover ring, label, band). */
    private final class Interaction {
        private double pressX;
        private double pressY;
        private double lastX;
        private double lastY;
        private boolean panning;
        private boolean banding;
        private boolean moved;
        /** The press came from a touch screen (a synthesized mouse event). */
        private boolean touch;
        private boolean spaceDown;
        private int pressedSeat = -1;
        private SeatTable pressedTable;
        private int hoverSeat = -1;
        private SeatTable hoverTable;
        private double hoverX;
        private double hoverY;

        void install() {
            addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
            addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
            addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
            addEventHandler(MouseEvent.MOUSE_MOVED, e -> hover(e.getX(), e.getY()));
            addEventHandler(MouseEvent.MOUSE_EXITED, e -> clearHover());
            addEventHandler(ScrollEvent.SCROLL, this::scrolled);
            addEventHandler(ZoomEvent.ZOOM, e -> {
                zoomAt(e.getX(), e.getY(), e.getZoomFactor());
                e.consume();
            });
            addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
            addEventHandler(KeyEvent.KEY_RELEASED, this::keyReleased);
            addEventHandler(KeyEvent.KEY_TYPED, this::keyTyped);
            focusedProperty().addListener((o, was, is) -> {
                if (!is) {
                    spaceDown = false;
                }
            });
        }

        private void pressed(MouseEvent e) {
            requestFocus();
            pressX = lastX = e.getX();
            pressY = lastY = e.getY();
            moved = false;
            banding = false;
            touch = e.isSynthesized();
            panning = e.getButton() == MouseButton.SECONDARY || e.getButton() == MouseButton.MIDDLE
                    || e.getButton() == MouseButton.PRIMARY && spaceDown;
            pressedSeat = -1;
            pressedTable = null;
            if (model != null && e.getButton() == MouseButton.PRIMARY && !panning) {
                pressedSeat = seatUnder(e.getX(), e.getY());
                pressedTable = pressedSeat < 0 ? tableUnder(e.getX(), e.getY()) : null;
            }
            hideTip();
            e.consume();
        }

        private void dragged(MouseEvent e) {
            double x = e.getX();
            double y = e.getY();
            if (!moved && Math.hypot(x - pressX, y - pressY) >= DRAG_THRESHOLD) {
                moved = true;
                // A finger drag pans through the SCROLL events the platform sends with it, never a band.
                banding = !panning && !touch && e.isPrimaryButtonDown() && model != null;
            }
            if (panning) {
                setCursor(Cursor.CLOSED_HAND);
                panBy(x - lastX, y - lastY);
            } else if (banding) {
                setCursor(Cursor.CROSSHAIR);
                rubberBand.setX(Math.min(pressX, x));
                rubberBand.setY(Math.min(pressY, y));
                rubberBand.setWidth(Math.abs(x - pressX));
                rubberBand.setHeight(Math.abs(y - pressY));
                rubberBand.setVisible(true);
            }
            lastX = x;
            lastY = y;
            e.consume();
        }

        private void released(MouseEvent e) {
            if (banding) {
                rubberBand.setVisible(false);
                List<Seat> seats = model.seatsIn(toLayoutX(pressX), toLayoutY(pressY), toLayoutX(e.getX()),
                        toLayoutY(e.getY()));
                if (!seats.isEmpty() && onSeatsDragSelected != null) {
                    onSeatsDragSelected.accept(seats);
                }
            } else if (!moved && !panning && e.getButton() == MouseButton.PRIMARY && model != null) {
                // A click or a tap.
                if (pressedSeat >= 0 && onSeatClicked != null) {
                    onSeatClicked.accept(model.seat(pressedSeat));
                } else if (pressedSeat < 0 && pressedTable != null && onTableClicked != null) {
                    onTableClicked.accept(pressedTable);
                }
            }
            panning = false;
            banding = false;
            setCursor(spaceDown ? Cursor.OPEN_HAND : Cursor.DEFAULT);
            if (!touch) {
                hover(e.getX(), e.getY());
            }
            e.consume();
        }

        private void scrolled(ScrollEvent e) {
            // Touch screens and touchpad gestures pan; a mouse wheel zooms around the cursor.
            if (e.getTouchCount() > 0 || e.isInertia()) {
                panBy(e.getDeltaX(), e.getDeltaY());
            } else if (e.getDeltaY() != 0) {
                zoomAt(e.getX(), e.getY(), Math.pow(WHEEL_NOTCH_ZOOM, e.getDeltaY() / 40));
            } else if (e.getDeltaX() != 0) {
                panBy(e.getDeltaX(), 0);
            }
            hideTip();
            e.consume();
        }

        private void keyPressed(KeyEvent e) {
            KeyCode code = e.getCode();
            switch (code) {
                case SPACE -> {
                    spaceDown = true;
                    setCursor(Cursor.OPEN_HAND);
                }
                case LEFT -> panBy(KEY_PAN, 0);
                case RIGHT -> panBy(-KEY_PAN, 0);
                case UP -> panBy(0, KEY_PAN);
                case DOWN -> panBy(0, -KEY_PAN);
                default -> {
                    return;
                }
            }
            e.consume();
        }

        private void keyReleased(KeyEvent e) {
            if (e.getCode() == KeyCode.SPACE) {
                spaceDown = false;
                setCursor(Cursor.DEFAULT);
                e.consume();
            }
        }

        /** Characters rather than key codes, so that '+' works on every keyboard layout and the numpad. */
        private void keyTyped(KeyEvent e) {
            switch (e.getCharacter()) {
                case "+", "=" -> zoomBy(KEY_ZOOM);
                case "-", "_" -> zoomBy(1 / KEY_ZOOM);
                case "0", "f", "F" -> fitToWindow();
                default -> {
                    return;
                }
            }
            e.consume();
        }

        /** The seat under a region point, with a little slack so that small seats and gaps are forgiving. */
        private int seatUnder(double x, double y) {
            if (model == null) {
                return -1;
            }
            double tolerance = Math.min(3 / scale, model.typicalSeatSize() * 0.15);
            return model.seatIndexNear(toLayoutX(x), toLayoutY(y), tolerance);
        }

        private SeatTable tableUnder(double x, double y) {
            return model == null ? null : model.tableAt(toLayoutX(x), toLayoutY(y)).orElse(null);
        }

        private void hover(double x, double y) {
            hoverX = x;
            hoverY = y;
            int seat = seatUnder(x, y);
            SeatTable table = seat < 0 ? tableUnder(x, y) : null;
            if (seat != hoverSeat || table != hoverTable) {
                hoverSeat = seat;
                hoverTable = table;
                updateHover();
            } else {
                placeTip();
            }
            if (!spaceDown) {
                setCursor(seat >= 0 || table != null ? Cursor.HAND : Cursor.DEFAULT);
            }
        }

        void clearHover() {
            hoverSeat = -1;
            hoverTable = null;
            hoverRing.setVisible(false);
            hideTip();
        }

        /** After a redraw: the ring follows the view, the text follows the seat's state. */
        void viewRedrawn() {
            if (hoverSeat >= model.seatCount()) {
                clearHover();
            }
            if (hoverSeat >= 0 || hoverTable != null) {
                updateHover();
            }
        }

        private void updateHover() {
            String text = null;
            if (hoverSeat >= 0) {
                Seat s = model.seat(hoverSeat);
                // Matches the seats' corner radius (0.24 of their size).
                placeRing(s.x(), s.y(), s.w(), s.h(), Math.min(s.w(), s.h()) * scale * 0.48);
                text = tooltipText == null ? null : tooltipText.apply(s);
            } else if (hoverTable != null) {
                SeatTable t = hoverTable;
                double arc = t.shape() == TableShape.ROUND ? Math.max(t.w(), t.h()) * scale : 8;
                placeRing(t.x() - t.w() / 2, t.y() - t.h() / 2, t.w(), t.h(), arc);
                text = tableTooltipText == null ? null : tableTooltipText.apply(t);
            } else {
                hoverRing.setVisible(false);
            }
            if (text == null || text.isEmpty() || panning || banding) {
                hideTip();
                return;
            }
            if (!text.equals(tip.getText()) || !tip.isVisible()) {
                tip.setText(text);
                tip.applyCss();
                double w = tip.prefWidth(-1);
                tip.resize(w, tip.prefHeight(w));
            }
            tip.setVisible(true);
            placeTip();
        }

        private void placeRing(double x, double y, double w, double h, double arc) {
            double pad = 2.5;
            hoverRing.setX(x * scale + translateX - pad);
            hoverRing.setY(y * scale + translateY - pad);
            hoverRing.setWidth(w * scale + 2 * pad);
            hoverRing.setHeight(h * scale + 2 * pad);
            hoverRing.setArcWidth(arc + 2 * pad);
            hoverRing.setArcHeight(arc + 2 * pad);
            hoverRing.setVisible(true);
        }

        /** Next to the pointer, flipped to the other side near the region's edges; moving it never flickers. */
        private void placeTip() {
            if (!tip.isVisible()) {
                return;
            }
            double w = tip.getWidth();
            double h = tip.getHeight();
            double x = hoverX + 14;
            double y = hoverY + 20;
            if (x + w > getWidth() - 4) {
                x = hoverX - 10 - w;
            }
            if (y + h > getHeight() - 4) {
                y = hoverY - 10 - h;
            }
            tip.relocate(Math.max(4, x), Math.max(4, y));
        }

        private void hideTip() {
            tip.setVisible(false);
        }
    }

    // ------------------------------------------------------------------------------------------ bitmap

    /**
     * A premultiplied-ARGB bitmap of seat bodies at device resolution. Shapes are rasterised with analytic
     * coverage (box coverage for plain seats, a rounded-rectangle distance field otherwise), so seats stay
     * anti-aliased and sub-pixel accurate at every zoom. Coverage of neighbouring seats adds up, which is exact
     * for shapes that do not overlap. Only the rectangle that seats touched is cleared, uploaded and drawn.
     */
    private static final class SeatRaster {
        static final int SOLID = 0;
        static final int STRIPES = 1;
        static final int CROSS = 2;

        private int width;
        private int height;
        private int[] pixels = new int[0];
        private PixelBuffer<IntBuffer> buffer;
        private WritableImage image;
        /** Bounds of the pixels written since the last clear: x0, y0, x1, y1 (exclusive); empty when x0 >= x1. */
        private int dirtyX0;
        private int dirtyY0;
        private int dirtyX1;
        private int dirtyY1;

        void ensureSize(int w, int h) {
            w = Math.max(w, 1);
            h = Math.max(h, 1);
            if (w != width || h != height) {
                width = w;
                height = h;
                pixels = new int[w * h];
                buffer = new PixelBuffer<>(w, h, IntBuffer.wrap(pixels), PixelFormat.getIntArgbPreInstance());
                image = new WritableImage(buffer);
                resetDirty();
            }
        }

        WritableImage image() {
            return image;
        }

        /**
         * Clears what the previous frame wrote, runs {@code draw} inside PixelBuffer's update callback (as its
         * contract asks) and reports the changed region to it, so that only that region is uploaded.
         */
        void update(Runnable draw) {
            buffer.updateBuffer(b -> {
                int x0 = dirtyX0;
                int y0 = dirtyY0;
                int x1 = dirtyX1;
                int y1 = dirtyY1;
                for (int y = y0; y < y1; y++) {
                    Arrays.fill(pixels, y * width + x0, y * width + x1, 0);
                }
                resetDirty();
                draw.run();
                int ux0 = Math.min(x0, dirtyX0);
                int uy0 = Math.min(y0, dirtyY0);
                int ux1 = Math.max(x1, dirtyX1);
                int uy1 = Math.max(y1, dirtyY1);
                return ux0 < ux1 && uy0 < uy1 ? new Rectangle2D(ux0, uy0, ux1 - ux0, uy1 - uy0) : Rectangle2D.EMPTY;
            });
        }

        /** The written region as x, y, w, h in device pixels; w is 0 when nothing was drawn. */
        int[] drawnRegion() {
            return dirtyX0 < dirtyX1 ? new int[] {dirtyX0, dirtyY0, dirtyX1 - dirtyX0, dirtyY1 - dirtyY0}
                    : new int[] {0, 0, 0, 0};
        }

        private void resetDirty() {
            dirtyX0 = width;
            dirtyY0 = height;
            dirtyX1 = 0;
            dirtyY1 = 0;
        }

        private void touch(int x0, int y0, int x1, int y1) {
            dirtyX0 = Math.min(dirtyX0, x0);
            dirtyY0 = Math.min(dirtyY0, y0);
            dirtyX1 = Math.max(dirtyX1, x1);
            dirtyY1 = Math.max(dirtyY1, y1);
        }

        static int argb(Color c) {
            int a = (int) Math.round(c.getOpacity() * 255);
            int r = (int) Math.round(c.getRed() * a);
            int g = (int) Math.round(c.getGreen() * a);
            int b = (int) Math.round(c.getBlue() * a);
            return a << 24 | r << 16 | g << 8 | b;
        }

        /**
         * A plain rectangle with exact box coverage, the cheapest seat for far zooms. Fixed point (1/256 pixel)
         * because this runs for up to 100,000 seats a frame.
         */
        void fillBox(double x0, double y0, double x1, double y1, int color) {
            int fx0 = (int) Math.max(0, x0 * 256);
            int fy0 = (int) Math.max(0, y0 * 256);
            int fx1 = (int) Math.min(width * 256.0, x1 * 256);
            int fy1 = (int) Math.min(height * 256.0, y1 * 256);
            if (fx0 >= fx1 || fy0 >= fy1) {
                return;
            }
            int ix0 = fx0 >> 8;
            int iy0 = fy0 >> 8;
            int ix1 = (fx1 + 255) >> 8;
            int iy1 = (fy1 + 255) >> 8;
            touch(ix0, iy0, ix1, iy1);
            for (int py = iy0; py < iy1; py++) {
                int cy = Math.min((py + 1) << 8, fy1) - Math.max(py << 8, fy0);
                int row = py * width;
                for (int px = ix0; px < ix1; px++) {
                    int cx = Math.min((px + 1) << 8, fx1) - Math.max(px << 8, fx0);
                    add(row + px, color, cx * cy >> 8);
                }
            }
        }

        /** A rounded rectangle, optionally with diagonal stripes or a cross in {@code mark}. */
        void fillRounded(double x0, double y0, double x1, double y1, double radius, int color, int pattern,
                int mark, double markSize) {
            int ix0 = Math.max(0, (int) Math.floor(x0));
            int iy0 = Math.max(0, (int) Math.floor(y0));
            int ix1 = Math.min(width, (int) Math.ceil(x1));
            int iy1 = Math.min(height, (int) Math.ceil(y1));
            if (ix0 >= ix1 || iy0 >= iy1) {
                return;
            }
            touch(ix0, iy0, ix1, iy1);
            double cx = (x0 + x1) / 2;
            double cy = (y0 + y1) / 2;
            double hx = (x1 - x0) / 2;
            double hy = (y1 - y0) / 2;
            double r = Math.min(radius, Math.min(hx, hy));
            // Columns whose pixels lie wholly inside the straight part of the shape.
            int solidX0 = Math.max(ix0, (int) Math.ceil(x0));
            int solidX1 = Math.min(ix1, (int) Math.floor(x1));
            for (int py = iy0; py < iy1; py++) {
                double fy = py + 0.5 - cy;
                double qy = Math.abs(fy) - (hy - r);
                int row = py * width;
                boolean straightRow = qy <= 0 && Math.abs(fy) <= hy - 0.5;
                for (int px = ix0; px < ix1; px++) {
                    if (straightRow && px == solidX0 && pattern != CROSS && solidX0 < solidX1) {
                        fillSolid(row, px, solidX1, py, color, pattern, mark, markSize);
                        px = solidX1 - 1;
                        continue;
                    }
                    double fx = px + 0.5 - cx;
                    double coverage = 0.5 - roundedDistance(Math.abs(fx) - (hx - r), qy, r);
                    if (coverage > 0) {
                        int c = pattern == SOLID ? color
                                : pattern == STRIPES ? stripe(px, py, color, mark, markSize)
                                : cross(fx, fy, Math.min(hx, hy) * 0.5, color, mark, markSize);
                        add(row + px, c, coverage >= 1 ? 256 : (int) (coverage * 256));
                    }
                }
            }
        }

        /** The fully covered run of a row: plain stores, no coverage arithmetic. */
        private void fillSolid(int row, int from, int to, int py, int color, int pattern, int mark, double markSize) {
            if (pattern == SOLID) {
                Arrays.fill(pixels, row + from, row + to, color);
            } else {
                for (int px = from; px < to; px++) {
                    pixels[row + px] = stripe(px, py, color, mark, markSize);
                }
            }
        }

        /** Diagonal stripes in device space: neighbouring held seats read as one hatched area. */
        private static int stripe(int px, int py, int color, int mark, double markSize) {
            return ((px + py) / Math.max(1, (int) markSize) & 1) == 0 ? color : mark;
        }

        /** A diagonal cross centred on the seat, {@code width} pixels thick, arms reaching {@code reach}. */
        private static int cross(double fx, double fy, double reach, int color, int mark, double width) {
            double ax = Math.abs(fx);
            double ay = Math.abs(fy);
            if (ax > reach + 1 || ay > reach + 1) {
                return color;
            }
            double d = Math.min(Math.abs(fx - fy), Math.abs(fx + fy)) * 0.7071;
            double ink = Math.min(clamp01(width / 2 - d + 0.5), clamp01(0.5 - (Math.max(ax, ay) - reach)));
            return ink > 0 ? mix(color, mark, ink) : color;
        }

        /** A band from {@code from} to {@code to} pixels outside a rounded rectangle, painted over what is there. */
        void ring(double x0, double y0, double x1, double y1, double radius, double from, double to, int color) {
            int ix0 = Math.max(0, (int) Math.floor(x0 - to));
            int iy0 = Math.max(0, (int) Math.floor(y0 - to));
            int ix1 = Math.min(width, (int) Math.ceil(x1 + to));
            int iy1 = Math.min(height, (int) Math.ceil(y1 + to));
            if (ix0 >= ix1 || iy0 >= iy1) {
                return;
            }
            touch(ix0, iy0, ix1, iy1);
            double cx = (x0 + x1) / 2;
            double cy = (y0 + y1) / 2;
            double hx = (x1 - x0) / 2;
            double hy = (y1 - y0) / 2;
            double r = Math.min(radius, Math.min(hx, hy));
            for (int py = iy0; py < iy1; py++) {
                double qy = Math.abs(py + 0.5 - cy) - (hy - r);
                int row = py * width;
                for (int px = ix0; px < ix1; px++) {
                    double d = roundedDistance(Math.abs(px + 0.5 - cx) - (hx - r), qy, r);
                    double coverage = clamp01(Math.min(d - from, to - d) + 0.5);
                    if (coverage > 0) {
                        over(row + px, color, coverage);
                    }
                }
            }
        }

        /** Signed distance to a rounded rectangle, given the point's offsets beyond the straight edges. */
        private static double roundedDistance(double qx, double qy, double r) {
            if (qx > 0 && qy > 0) {
                return Math.sqrt(qx * qx + qy * qy) - r;
            }
            return Math.max(qx, qy) - r;
        }

        private static double clamp01(double v) {
            return v < 0 ? 0 : v > 1 ? 1 : v;
        }

        /** Adds {@code color} at coverage {@code k}/256 to the pixel (coverage of disjoint shapes sums up). */
        private void add(int i, int color, int k) {
            if (k >= 255) {
                pixels[i] = color;
                return;
            }
            int dst = pixels[i];
            if (dst == 0) {
                pixels[i] = ((color >>> 24) * k >> 8) << 24 | ((color >> 16 & 0xff) * k >> 8) << 16
                        | ((color >> 8 & 0xff) * k >> 8) << 8 | (color & 0xff) * k >> 8;
                return;
            }
            int a = (dst >>> 24) + ((color >>> 24) * k >> 8);
            int r = (dst >> 16 & 0xff) + ((color >> 16 & 0xff) * k >> 8);
            int g = (dst >> 8 & 0xff) + ((color >> 8 & 0xff) * k >> 8);
            int b = (dst & 0xff) + ((color & 0xff) * k >> 8);
            pixels[i] = Math.min(a, 255) << 24 | Math.min(r, 255) << 16 | Math.min(g, 255) << 8 | Math.min(b, 255);
        }

        /** Source-over compositing of {@code color} at {@code coverage}. */
        private void over(int i, int color, double coverage) {
            int k = (int) (coverage * 256);
            int dst = pixels[i];
            int srcA = (color >>> 24) * k >> 8;
            int keep = 255 - srcA;
            int a = srcA + ((dst >>> 24) * keep) / 255;
            int r = ((color >> 16 & 0xff) * k >> 8) + ((dst >> 16 & 0xff) * keep) / 255;
            int g = ((color >> 8 & 0xff) * k >> 8) + ((dst >> 8 & 0xff) * keep) / 255;
            int b = ((color & 0xff) * k >> 8) + ((dst & 0xff) * keep) / 255;
            pixels[i] = Math.min(a, 255) << 24 | Math.min(r, 255) << 16 | Math.min(g, 255) << 8 | Math.min(b, 255);
        }

        /** Linear mix of two opaque colours. */
        private static int mix(int c0, int c1, double t) {
            int k = (int) (t * 256);
            int j = 256 - k;
            int r = ((c0 >> 16 & 0xff) * j + (c1 >> 16 & 0xff) * k) >> 8;
            int g = ((c0 >> 8 & 0xff) * j + (c1 >> 8 & 0xff) * k) >> 8;
            int b = ((c0 & 0xff) * j + (c1 & 0xff) * k) >> 8;
            return 0xff000000 | r << 16 | g << 8 | b;
        }
    }
}
