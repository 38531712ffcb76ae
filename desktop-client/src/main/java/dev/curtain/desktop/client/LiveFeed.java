package dev.curtain.desktop.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.curtain.model.json.Json;
import dev.curtain.model.live.SeatDelta;
import dev.curtain.model.live.SeatSnapshot;
import java.net.URI;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An event's live seat feed over WebSocket. Reconnects by itself with growing pauses (0.5 s up to
 * 10 s); every connection starts with a snapshot, so a reconnect is also a resync. Callbacks come
 * on the feed's own thread: hand them to the UI through a dispatcher.
 */
public final class LiveFeed implements LiveConnection {

    private static final Logger LOG = LoggerFactory.getLogger(LiveFeed.class);
    private static final long MAX_BACKOFF_MS = 10_000;

    public enum State { CONNECTING, LIVE, RECONNECTING, CLOSED }

    public interface Listener {
        void snapshot(SeatSnapshot snapshot);

        void delta(SeatDelta delta);

        void heartbeat(long version);

        void state(State state);
    }

    private final Supplier<String> url;
    private final Listener listener;
    private final ObjectMapper json = Json.newMapper();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "curtain-live-feed");
        t.setDaemon(true);
        return t;
    });
    private volatile WebSocketClient socket;
    private volatile boolean closed;
    private long backoff = 500;

    /** @param url supplies the address each time, so a refreshed token is used on reconnect */
    public LiveFeed(Supplier<String> url, Listener listener) {
        this.url = url;
        this.listener = listener;
    }

    @Override
    public void start() {
        listener.state(State.CONNECTING);
        scheduler.execute(this::connect);
    }

    /** Asks the server for a fresh snapshot (after a version gap). */
    @Override
    public void resync() {
        WebSocketClient s = socket;
        if (s != null && s.isOpen()) {
            s.send("{\"type\":\"resync\"}");
        }
    }

    private void connect() {
        if (closed) {
            return;
        }
        WebSocketClient client = new WebSocketClient(URI.create(url.get())) {
            @Override
            public void onOpen(ServerHandshake handshake) {
                backoff = 500;
            }

            @Override
            public void onMessage(String message) {
                dispatch(message);
            }

            @Override
            public void onClose(int code, String reason, boolean remote) {
                if (!closed) {
                    LOG.info("event=live_feed_closed code={} reason={}", code, reason);
                    listener.state(State.RECONNECTING);
                    scheduler.schedule(LiveFeed.this::connect, backoff, TimeUnit.MILLISECONDS);
                    backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
                }
            }

            @Override
            public void onError(Exception ex) {
                LOG.debug("event=live_feed_error error={}", ex.toString());
            }
        };
        client.setConnectionLostTimeout(30);
        socket = client;
        client.connect();
    }

    private void dispatch(String message) {
        try {
            JsonNode node = json.readTree(message);
            switch (node.path("type").asText()) {
                case "snapshot" -> {
                    listener.snapshot(json.treeToValue(node, SeatSnapshot.class));
                    listener.state(State.LIVE);
                }
                case "delta" -> listener.delta(json.treeToValue(node, SeatDelta.class));
                case "heartbeat" -> listener.heartbeat(node.path("version").asLong());
                default -> LOG.debug("event=live_feed_message_ignored type={}", node.path("type").asText());
            }
        } catch (Exception e) {
            LOG.warn("event=live_feed_message_unreadable error={}", e.toString());
        }
    }

    @Override
    public void close() {
        closed = true;
        listener.state(State.CLOSED);
        WebSocketClient s = socket;
        if (s != null) {
            s.close();
        }
        scheduler.shutdownNow();
    }
}
