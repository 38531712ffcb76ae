package dev.curtain.desktop.simulator;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** A staff or kiosk sign-in the simulator's buyers pay with. The password never reaches a report or a log. */
public record Credentials(String username, @JsonIgnore String password) {

    @Override
    public String toString() {
        return username;
    }
}
