package dev.curtain.desktop.client;

/** A running live feed as its users see it; {@link LiveFeed} is the WebSocket one. */
public interface LiveConnection extends AutoCloseable {

    void start();

    void resync();

    @Override
    void close();
}
