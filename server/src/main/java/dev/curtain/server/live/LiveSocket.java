package dev.curtain.server.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWT;
import dev.curtain.model.live.SeatSnapshot;
import dev.curtain.server.hold.HoldService;
import dev.curtain.server.web.DomainException;
import io.micronaut.core.annotation.NonBlocking;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.token.jwt.validator.JsonWebTokenValidator;
import io.micronaut.websocket.CloseReason;
import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.OnClose;
import io.micronaut.websocket.annotation.OnMessage;
import io.micronaut.websocket.annotation.OnOpen;
import io.micronaut.websocket.annotation.ServerWebSocket;
import java.text.ParseException;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live seat map of one event: {@code /ws/events/{eventId}?access_token=…}. On connect the
 * subscriber gets a snapshot, then deltas in strictly increasing versions; {"type":"resync"}
 * asks for a fresh snapshot at any time.
 *
 * <p>Leaving and messages never wait (the hub's concurrent sets, snapshots as futures), so those
 * handlers run on the connection's event loop ({@code @NonBlocking}) rather than being handed to
 * the blocking executor: a server stopping while subscribers come and go no longer meets an
 * executor that has already shut down. Joining checks the token first and stays on the executor.
 */
@ServerWebSocket("/ws/events/{eventId}")
@Secured(SecurityRule.IS_ANONYMOUS)
public class LiveSocket {

    private static final Logger LOG = LoggerFactory.getLogger(LiveSocket.class);
    static final CloseReason UNAUTHORIZED = new CloseReason(4401, "A valid access_token is required");
    static final CloseReason NO_SUCH_EVENT = new CloseReason(4404, "No such event");
    private static final String SESSION = "curtain.live";

    private final LiveHub hub;
    private final HoldService holds;
    private final JsonWebTokenValidator<JWT, HttpRequest<?>> tokens;
    private final ObjectMapper json;

    public LiveSocket(LiveHub hub, HoldService holds, JsonWebTokenValidator<JWT, HttpRequest<?>> tokens,
                      ObjectMapper json) {
        this.hub = hub;
        this.holds = holds;
        this.tokens = tokens;
        this.json = json;
    }

    @OnOpen
    public void onOpen(String eventId, WebSocketSession session, HttpRequest<?> request) {
        Optional<String> principal = request.getParameters().getFirst("access_token")
                .flatMap(token -> tokens.validate(token, request))
                .flatMap(LiveSocket::subject);
        if (principal.isEmpty()) {
            session.close(UNAUTHORIZED);
            return;
        }
        LiveSession live = new LiveSession(session, eventId, principal.get());
        session.put(SESSION, live);
        hub.join(live);
        sendSnapshot(live);
    }

    @OnMessage
    @NonBlocking
    public void onMessage(String eventId, String message, WebSocketSession session) {
        LiveSession live = session.get(SESSION, LiveSession.class).orElse(null);
        if (live == null) {
            return;
        }
        try {
            JsonNode node = json.readTree(message);
            if ("resync".equals(node.path("type").asText())) {
                sendSnapshot(live);
            }
        } catch (JsonProcessingException e) {
            live.sendNow("{\"type\":\"error\",\"detail\":\"Messages must be JSON such as {\\\"type\\\":\\\"resync\\\"}.\"}");
        }
    }

    @OnClose
    @NonBlocking
    public void onClose(WebSocketSession session) {
        session.get(SESSION, LiveSession.class).ifPresent(hub::leave);
    }

    private void sendSnapshot(LiveSession live) {
        live.snapshotRequested();
        holds.snapshot(live.eventId(), live.principal()).whenComplete((snapshot, error) -> {
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                if (cause instanceof DomainException d && "EVENT_NOT_FOUND".equals(d.code())) {
                    hub.leave(live);
                    live.close(NO_SUCH_EVENT);
                } else {
                    LOG.warn("event=snapshot_failed eventId={} error={}", live.eventId(), cause.toString());
                    hub.leave(live);
                    live.close(CloseReason.INTERNAL_ERROR);
                }
                return;
            }
            live.snapshotReady(snapshot.version(), write(snapshot));
        });
    }

    private String write(SeatSnapshot snapshot) {
        try {
            return json.writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<String> subject(JWT jwt) {
        try {
            return Optional.ofNullable(jwt.getJWTClaimsSet().getSubject());
        } catch (ParseException e) {
            return Optional.empty();
        }
    }
}
