package dev.curtain.model.venue;

public enum ShapeKind {
    STAGE, SCREEN, AISLE, LABEL, SECTION, WALL, BAR, EXIT
}
