package dev.curtain.desktop.client;

import java.io.IOException;

/** The server could not be reached at all (down, wrong address, network). */
public final class ServerUnreachableException extends IOException {

    public ServerUnreachableException(String baseUrl, IOException cause) {
        super("Cannot reach the Curtain server at " + baseUrl + ": " + cause.getMessage(), cause);
    }
}
