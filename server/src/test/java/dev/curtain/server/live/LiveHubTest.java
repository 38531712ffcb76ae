package dev.curtain.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.websocket.WebSocketSession;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The fan-out of one delta to many sockets, with sockets that fail under it. */
class LiveHubTest {

    private final List<TextWebSocketFrame> sent = new ArrayList<>();
    private final List<TextWebSocketFrame> refused = new ArrayList<>();

    /** A socket that says it is open; {@code closesMeanwhile}: it closes before the send takes the frame. */
    private WebSocketSession socket(String id, boolean closesMeanwhile, AtomicBoolean closed) {
        return (WebSocketSession) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {WebSocketSession.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getId" -> id;
                    case "isOpen" -> !closed.get();
                    case "close" -> {
                        closed.set(true);
                        yield null;
                    }
                    case "sendAsync" -> {
                        if (!(args[0] instanceof TextWebSocketFrame frame)) {
                            yield CompletableFuture.completedFuture(args[0]); // the snapshot, as text
                        }
                        if (closesMeanwhile) {
                            refused.add(frame);
                            throw new IllegalStateException("Session closed");
                        }
                        sent.add(frame);
                        yield CompletableFuture.completedFuture(frame);
                    }
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }

    @Test
    void aSocketClosingDuringTheSendReleasesItsFrameAndTheOthersStillGetTheDelta() {
        LiveHub hub = new LiveHub(new SimpleMeterRegistry());
        AtomicBoolean firstClosed = new AtomicBoolean();
        List<LiveSession> sessions = List.of(new LiveSession(socket("a", true, firstClosed), "e", "p"),
                new LiveSession(socket("b", false, new AtomicBoolean()), "e", "p"),
                new LiveSession(socket("c", false, new AtomicBoolean()), "e", "p"));
        for (LiveSession s : sessions) {
            hub.join(s);
            s.snapshotReady(1, "{\"type\":\"snapshot\"}");
        }

        hub.delta("e", 2, "{\"type\":\"delta\",\"version\":2}");

        assertThat(sent).hasSize(2);
        assertThat(sent).allSatisfy(f -> assertThat(f.text()).contains("\"version\":2"));
        assertThat(firstClosed).isTrue();
        // The frames share one buffer and its count: only the two frames in flight still hold it
        // (the refused frame and the hub's own reference were released).
        assertThat(refused).singleElement().satisfies(f -> assertThat(f.refCnt()).isEqualTo(2));
        sent.forEach(TextWebSocketFrame::release); // what the channel does once it has written them
        assertThat(refused.get(0).refCnt()).isZero();
    }
}
