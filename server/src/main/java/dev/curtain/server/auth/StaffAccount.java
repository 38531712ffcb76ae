package dev.curtain.server.auth;

import dev.curtain.model.auth.Role;

public record StaffAccount(String username, String passwordHash, Role role, String displayName, boolean active) {
}
