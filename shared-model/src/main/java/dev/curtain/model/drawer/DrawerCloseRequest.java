package dev.curtain.model.drawer;

/** Closes the caller's cash drawer with the cash counted in it. */
public record DrawerCloseRequest(Long countedMinor, String note) {
}
