package dev.curtain.model.auth;

/** Who may do what. Staff roles sign in with a password; CUSTOMER tokens are issued to guests. */
public enum Role {
    ADMIN, MANAGER, CLERK, KIOSK, CUSTOMER;

    public boolean isStaff() {
        return this != CUSTOMER;
    }
}
