package dev.curtain.model.venue;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A non-seat drawing element: stage, screen, aisle, label, section outline. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Shape(ShapeKind kind, double x, double y, double w, double h, String label) {
}
