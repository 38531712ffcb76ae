package dev.curtain.model.drawer;

/** Opens the caller's cash drawer with a float; {@code currency} defaults to the server's drawer currency. */
public record DrawerOpenRequest(Long floatMinor, String currency) {
}
