package dev.curtain.desktop.ui.seatmap;

import dev.curtain.desktop.ui.seatmap.SeatMapModel.Display;
import javafx.scene.paint.Color;

/**
 * The seat map's colours. Available seats take their price category's colour from the venue; every other state
 * has a fixed colour here so that it reads the same in every venue. Public so that a legend can use the same
 * colours ({@link #seatFill(Display)}).
 *
 * @param background      canvas background
 * @param sectionFill     fill of SECTION outlines (boxes, blocks)
 * @param sectionStroke   their outline
 * @param aisle           AISLE strips: barely off the background
 * @param stageTop        stage block, top of its gradient
 * @param stageBottom     stage block, bottom of its gradient
 * @param stageText       stage and bar labels
 * @param screen          cinema screen bar
 * @param screenGlow      the projection glow below the screen
 * @param label           LABEL shapes and section names
 * @param rowLabel        row letters at the row ends
 * @param tableFill       table tops
 * @param tableStroke     table outlines
 * @param tableText       table labels
 * @param bar             BAR shapes
 * @param exit            EXIT shapes
 * @param wall            WALL shapes
 * @param mine            seats held by this terminal
 * @param mineRing        ring round MINE seats, so they stand out from a green price category
 * @param held            seats held by others (stripe colour 1)
 * @param heldStripe      seats held by others (stripe colour 2)
 * @param sold            sold seats
 * @param blocked         blocked seats
 * @param blockedMark     the cross on blocked seats
 * @param unknownCategory available seats whose category the venue does not declare
 * @param glyphOnDark     marks and numbers on dark seat colours
 * @param glyphOnLight    marks and numbers on light seat colours
 * @param hover           hover ring
 * @param bandFill        rubber-band fill
 * @param bandStroke      rubber-band outline
 * @param tooltipFill     hover label background
 * @param tooltipText     hover label text
 */
public record SeatMapPalette(
        Color background,
        Color sectionFill,
        Color sectionStroke,
        Color aisle,
        Color stageTop,
        Color stageBottom,
        Color stageText,
        Color screen,
        Color screenGlow,
        Color label,
        Color rowLabel,
        Color tableFill,
        Color tableStroke,
        Color tableText,
        Color bar,
        Color exit,
        Color wall,
        Color mine,
        Color mineRing,
        Color held,
        Color heldStripe,
        Color sold,
        Color blocked,
        Color blockedMark,
        Color unknownCategory,
        Color glyphOnDark,
        Color glyphOnLight,
        Color hover,
        Color bandFill,
        Color bandStroke,
        Color tooltipFill,
        Color tooltipText) {

    /** For light application themes. */
    public static final SeatMapPalette LIGHT = new SeatMapPalette(
            Color.web("#f5f6f8"),
            Color.web("#eceef2"),
            Color.web("#cbd2db"),
            Color.web("#eef0f3"),
            Color.web("#3b4557"),
            Color.web("#1f2633"),
            Color.web("#f8fafc"),
            Color.web("#334155"),
            Color.web("#94a3b8", 0.30),
            Color.web("#5b6576"),
            Color.web("#7b8494"),
            Color.web("#ffffff"),
            Color.web("#b8c0cc"),
            Color.web("#475569"),
            Color.web("#8a6d57"),
            Color.web("#15803d"),
            Color.web("#9aa3af"),
            Color.web("#16a34a"),
            Color.web("#0b3d1f"),
            Color.web("#f2c46d"),
            Color.web("#c9ced6"),
            Color.web("#6e7683"),
            Color.web("#1c1f24"),
            Color.web("#c7ccd3"),
            Color.web("#9ca3af"),
            Color.web("#ffffff"),
            Color.web("#1f2937"),
            Color.web("#0f172a"),
            Color.web("#2563eb", 0.10),
            Color.web("#2563eb", 0.85),
            Color.web("#111827", 0.94),
            Color.web("#f9fafb"));

    /** For dark application themes. */
    public static final SeatMapPalette DARK = new SeatMapPalette(
            Color.web("#11151c"),
            Color.web("#171c25"),
            Color.web("#2c3442"),
            Color.web("#151a22"),
            Color.web("#3d4859"),
            Color.web("#262e3b"),
            Color.web("#e5e7eb"),
            Color.web("#e2e8f0"),
            Color.web("#93c5fd", 0.10),
            Color.web("#9aa4b4"),
            Color.web("#7d8797"),
            Color.web("#1f2630"),
            Color.web("#3b4554"),
            Color.web("#c2cad6"),
            Color.web("#8a6a50"),
            Color.web("#22c55e"),
            Color.web("#3b4554"),
            Color.web("#22c55e"),
            Color.web("#dcfce7"),
            Color.web("#c99d52"),
            Color.web("#8a7452"),
            Color.web("#454d5a"),
            Color.web("#050608"),
            Color.web("#7b8494"),
            Color.web("#6b7280"),
            Color.web("#ffffff"),
            Color.web("#111827"),
            Color.web("#f8fafc"),
            Color.web("#60a5fa", 0.14),
            Color.web("#60a5fa", 0.9),
            Color.web("#f8fafc", 0.96),
            Color.web("#0f172a"));

    /** The fill of a seat in a non-available state; AVAILABLE seats use their category colour instead. */
    public Color seatFill(Display display) {
        return switch (display) {
            case AVAILABLE -> unknownCategory;
            case MINE -> mine;
            case HELD -> held;
            case SOLD -> sold;
            case BLOCKED -> blocked;
        };
    }

    /** Readable glyph/number colour on a seat of the given fill. */
    public Color glyphOn(Color fill) {
        double luminance = 0.2126 * fill.getRed() + 0.7152 * fill.getGreen() + 0.0722 * fill.getBlue();
        return luminance > 0.62 ? glyphOnLight : glyphOnDark;
    }
}
