package dev.curtain.server.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stripe.Stripe;
import com.stripe.net.Webhook;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for the Stripe endpoints Curtain calls (PaymentIntents create / retrieve /
 * cancel, Refunds create), answering Stripe-shaped JSON and honouring idempotency keys as Stripe
 * does: a repeated key replays the first result. Tests move intents on (a customer pays or a card
 * is declined), take Stripe "down", or lose the answer to a create, and build signed webhook
 * events.
 */
public final class StripeStub implements AutoCloseable {

    public static final String SECRET_KEY = "sk_test_curtain_stub_0123456789";
    public static final String WEBHOOK_SECRET = "whsec_curtain_test_0123456789";

    /** One PaymentIntent as the stub keeps it. */
    public static final class Intent {
        public final String id;
        public final long amount;
        public final String currency;
        public final Map<String, String> metadata;
        public final String idempotencyKey;
        public volatile String status = "requires_payment_method";

        Intent(String id, long amount, String currency, Map<String, String> metadata, String idempotencyKey) {
            this.id = id;
            this.amount = amount;
            this.currency = currency;
            this.metadata = metadata;
            this.idempotencyKey = idempotencyKey;
        }

        public String clientSecret() {
            return id + "_secret_stub";
        }
    }

    public record Refund(String id, String intentId, long amount, String idempotencyKey) {
    }

    public record Request(String method, String path, String idempotencyKey, String authorization) {
    }

    private record Answer(int status, String body) {
    }

    private final HttpServer server;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<String, Intent> intents = new ConcurrentHashMap<>();
    private final Map<String, Answer> byKey = new ConcurrentHashMap<>();
    private final List<Refund> refunds = Collections.synchronizedList(new ArrayList<>());
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean down;
    private volatile boolean loseNextCreateAnswer;

    private StripeStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/", this::handle);
        server.start();
    }

    public static StripeStub start() {
        try {
            return new StripeStub();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String apiBase() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Server properties that point Curtain's Stripe client here, with test secrets and no client retries. */
    public Map<String, Object> serverProperties() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("curtain.stripe.secret-key", SECRET_KEY);
        p.put("curtain.stripe.webhook-secret", WEBHOOK_SECRET);
        p.put("curtain.stripe.api-base", apiBase());
        p.put("curtain.stripe.max-network-retries", 0);
        p.put("curtain.stripe.read-timeout-millis", 5000);
        return p;
    }

    public void reset() {
        intents.clear();
        byKey.clear();
        refunds.clear();
        requests.clear();
        down = false;
        loseNextCreateAnswer = false;
    }

    /** While down, every call answers 503 (as Stripe in an outage, or a network that drops the call). */
    public void down(boolean down) {
        this.down = down;
    }

    /** The next create succeeds at "Stripe", but its answer never reaches Curtain (a crash or timeout). */
    public void loseNextCreateAnswer() {
        loseNextCreateAnswer = true;
    }

    public List<Intent> intents() {
        return List.copyOf(intents.values());
    }

    public Intent intentOfBooking(String bookingId) {
        return intents.values().stream().filter(i -> bookingId.equals(i.metadata.get("booking_id"))).findFirst()
                .orElseThrow(() -> new AssertionError("no intent for booking " + bookingId));
    }

    public Intent intent(String id) {
        return intents.get(id);
    }

    public List<Refund> refunds() {
        return List.copyOf(refunds);
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The customer pays. */
    public void succeed(String intentId) {
        intents.get(intentId).status = "succeeded";
    }

    /** The card is declined: the intent waits for another payment method. */
    public void decline(String intentId) {
        intents.get(intentId).status = "requires_payment_method";
    }

    // ---- webhook events ----------------------------------------------------------------------

    /** A Stripe event about an intent, as Stripe would post it. */
    public String event(String eventId, String type, Intent intent) {
        ObjectNode event = Api.JSON.createObjectNode();
        event.put("id", eventId);
        event.put("object", "event");
        event.put("api_version", Stripe.API_VERSION);
        event.put("created", System.currentTimeMillis() / 1000);
        event.put("livemode", false);
        event.put("type", type);
        event.putObject("data").set("object", intentNode(intent));
        return event.toString();
    }

    public static String sign(String payload, String secret, long timestampSeconds) {
        try {
            return Webhook.Signature.generateSignatureHeader(payload, secret, timestampSeconds);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sign(String payload) {
        return sign(payload, WEBHOOK_SECRET, System.currentTimeMillis() / 1000);
    }

    // ---- HTTP --------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            requests.add(new Request(method, path, key, exchange.getRequestHeaders().getFirst("Authorization")));
            Map<String, String> form = form(exchange.getRequestBody());
            if (down) {
                send(exchange, new Answer(503, error("api_error", null, "Stripe is down (stub)")));
                return;
            }
            if (!("Bearer " + SECRET_KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                send(exchange, new Answer(401, error("invalid_request_error", null, "Invalid API Key provided")));
                return;
            }
            Answer answer;
            if ("POST".equals(method) && key != null && byKey.containsKey(method + path + key)) {
                answer = byKey.get(method + path + key);
            } else {
                answer = route(method, path, form, key);
                if ("POST".equals(method) && key != null && answer.status() < 500) {
                    byKey.put(method + path + key, answer);
                }
            }
            if ("POST".equals(method) && "/v1/payment_intents".equals(path) && loseNextCreateAnswer) {
                loseNextCreateAnswer = false;
                send(exchange, new Answer(503, error("api_error", null, "the answer was lost (stub)")));
                return;
            }
            send(exchange, answer);
        }
    }

    private Answer route(String method, String path, Map<String, String> form, String key) {
        String[] parts = path.split("/");
        if ("POST".equals(method) && "/v1/payment_intents".equals(path)) {
            Map<String, String> metadata = new LinkedHashMap<>();
            form.forEach((k, v) -> {
                if (k.startsWith("metadata[")) {
                    metadata.put(k.substring(9, k.length() - 1), v);
                }
            });
            Intent intent = new Intent("pi_stub" + ids.incrementAndGet(), Long.parseLong(form.get("amount")),
                    form.get("currency"), metadata, key);
            intents.put(intent.id, intent);
            return new Answer(200, intentNode(intent).toString());
        }
        if (parts.length >= 4 && "payment_intents".equals(parts[2])) {
            Intent intent = intents.get(parts[3]);
            if (intent == null) {
                return new Answer(404, error("invalid_request_error", "resource_missing", "No such payment_intent"));
            }
            if ("GET".equals(method) && parts.length == 4) {
                return new Answer(200, intentNode(intent).toString());
            }
            if ("POST".equals(method) && parts.length == 5 && "cancel".equals(parts[4])) {
                if ("succeeded".equals(intent.status) || "canceled".equals(intent.status)) {
                    return new Answer(400, error("invalid_request_error", "payment_intent_unexpected_state",
                            "You cannot cancel this PaymentIntent because it has a status of " + intent.status + "."));
                }
                intent.status = "canceled";
                return new Answer(200, intentNode(intent).toString());
            }
        }
        if ("POST".equals(method) && "/v1/refunds".equals(path)) {
            Intent intent = intents.get(form.get("payment_intent"));
            long amount = Long.parseLong(form.getOrDefault("amount", "0"));
            long refunded = refunds.stream().filter(r -> r.intentId().equals(form.get("payment_intent")))
                    .mapToLong(Refund::amount).sum();
            if (intent == null || !"succeeded".equals(intent.status) || refunded + amount > intent.amount) {
                return new Answer(400, error("invalid_request_error", "charge_already_refunded", "This refund is not possible."));
            }
            Refund refund = new Refund("re_stub" + ids.incrementAndGet(), intent.id, amount, key);
            refunds.add(refund);
            ObjectNode node = Api.JSON.createObjectNode();
            node.put("id", refund.id());
            node.put("object", "refund");
            node.put("amount", amount);
            node.put("currency", intent.currency);
            node.put("payment_intent", intent.id);
            node.put("status", "succeeded");
            return new Answer(200, node.toString());
        }
        return new Answer(404, error("invalid_request_error", null, "Unrecognized request URL (stub): " + method + " " + path));
    }

    private static ObjectNode intentNode(Intent intent) {
        ObjectNode node = Api.JSON.createObjectNode();
        node.put("id", intent.id);
        node.put("object", "payment_intent");
        node.put("amount", intent.amount);
        node.put("amount_received", "succeeded".equals(intent.status) ? intent.amount : 0);
        node.put("currency", intent.currency);
        node.put("status", intent.status);
        node.put("client_secret", intent.clientSecret());
        node.put("livemode", false);
        ObjectNode metadata = node.putObject("metadata");
        intent.metadata.forEach(metadata::put);
        return node;
    }

    private static String error(String type, String code, String message) {
        ObjectNode node = Api.JSON.createObjectNode();
        ObjectNode error = node.putObject("error");
        error.put("type", type);
        if (code != null) {
            error.put("code", code);
        }
        error.put("message", message);
        return node.toString();
    }

    private static Map<String, String> form(InputStream body) throws IOException {
        Map<String, String> form = new LinkedHashMap<>();
        String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            form.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }

    private static void send(HttpExchange exchange, Answer answer) throws IOException {
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Request-Id", "req_stub" + System.nanoTime());
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
