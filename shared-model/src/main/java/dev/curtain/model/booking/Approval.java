package dev.curtain.model.booking;

/** A manager's sign-off at a clerk's counter (for comps): the manager types their own credentials. */
public record Approval(String username, String password) {
}
