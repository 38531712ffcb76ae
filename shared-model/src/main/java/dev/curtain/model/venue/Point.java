package dev.curtain.model.venue;

public record Point(double x, double y) {
}
