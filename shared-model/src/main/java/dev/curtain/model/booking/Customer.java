package dev.curtain.model.booking;

public record Customer(String name, String email) {
}
