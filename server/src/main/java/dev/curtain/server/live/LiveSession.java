package dev.curtain.server.live;

import io.micronaut.websocket.WebSocketSession;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayList;
import java.util.List;

/**
 * One subscriber of an event's live feed. Deltas are sent in strictly increasing versions; while
 * a snapshot is being read, arriving deltas wait, and afterwards only those newer than the
 * snapshot are sent, so the subscriber sees neither a gap nor a repeat.
 */
final class LiveSession {

    private record Pending(long version, String json) {
    }

    private final WebSocketSession socket;
    private final String eventId;
    private final String principal;
    private final List<Pending> waiting = new ArrayList<>();
    private boolean awaitingSnapshot = true;
    private long lastSent = -1;

    LiveSession(WebSocketSession socket, String eventId, String principal) {
        this.socket = socket;
        this.eventId = eventId;
        this.principal = principal;
    }

    String eventId() {
        return eventId;
    }

    String principal() {
        return principal;
    }

    String id() {
        return socket.getId();
    }

    boolean isOpen() {
        return socket.isOpen();
    }

    /** {@code encoded} is the same delta as UTF-8, shared by every subscriber (encoded once, not per socket). */
    synchronized void deliver(long version, String json, ByteBuf encoded) {
        if (awaitingSnapshot) {
            waiting.add(new Pending(version, json));
        } else if (version > lastSent) {
            send(new TextWebSocketFrame(encoded.retainedDuplicate()));
            lastSent = version;
        }
    }

    synchronized void snapshotRequested() {
        awaitingSnapshot = true;
    }

    synchronized void snapshotReady(long version, String json) {
        send(json);
        lastSent = version;
        for (Pending p : waiting) {
            if (p.version() > lastSent) {
                send(p.json());
                lastSent = p.version();
            }
        }
        waiting.clear();
        awaitingSnapshot = false;
    }

    void sendNow(String json) {
        send(json);
    }

    private void send(Object message) {
        if (!socket.isOpen()) {
            ReferenceCountUtil.release(message);
            return;
        }
        try {
            socket.sendAsync(message).exceptionally(e -> {
                socket.close();
                return null;
            });
        } catch (RuntimeException closedMeanwhile) {
            // closed between the check and the send: the frame was not taken, and the others still get theirs
            ReferenceCountUtil.release(message);
            socket.close();
        }
    }

    void close(io.micronaut.websocket.CloseReason reason) {
        if (socket.isOpen()) {
            socket.close(reason);
        }
    }
}
