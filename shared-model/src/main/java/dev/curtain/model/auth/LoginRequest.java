package dev.curtain.model.auth;

public record LoginRequest(String username, String password) {
}
