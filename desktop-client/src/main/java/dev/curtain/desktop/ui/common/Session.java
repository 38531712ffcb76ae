package dev.curtain.desktop.ui.common;

import dev.curtain.desktop.client.CurtainClient;
import dev.curtain.model.auth.Role;
import java.util.List;

/** Who is signed in where. */
public record Session(CurtainClient client, String username, List<Role> roles) {

    public boolean isManager() {
        return roles.contains(Role.MANAGER) || roles.contains(Role.ADMIN);
    }

    public boolean isKiosk() {
        return roles.contains(Role.KIOSK);
    }
}
