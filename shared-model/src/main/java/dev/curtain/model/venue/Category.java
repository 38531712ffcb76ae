package dev.curtain.model.venue;

/** A price category of a venue; {@code color} is a CSS hex colour such as {@code #3b82f6}. */
public record Category(String id, String name, String color) {
}
