package dev.curtain.server.auth;

/** Role names as used in {@code @Secured}; they match {@link dev.curtain.model.auth.Role}. */
public final class Roles {

    public static final String ADMIN = "ADMIN";
    public static final String MANAGER = "MANAGER";
    public static final String CLERK = "CLERK";
    public static final String KIOSK = "KIOSK";
    public static final String CUSTOMER = "CUSTOMER";

    private Roles() {
    }
}
