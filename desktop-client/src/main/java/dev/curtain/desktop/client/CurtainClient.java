package dev.curtain.desktop.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.curtain.model.auth.LoginRequest;
import dev.curtain.model.auth.RefreshRequest;
import dev.curtain.model.auth.TokenResponse;
import dev.curtain.model.booking.Booking;
import dev.curtain.model.booking.BookingRequest;
import dev.curtain.model.booking.ExchangeRequest;
import dev.curtain.model.booking.RefundRequest;
import dev.curtain.model.drawer.DrawerCloseRequest;
import dev.curtain.model.drawer.DrawerOpenRequest;
import dev.curtain.model.drawer.DrawerSession;
import dev.curtain.model.event.BlockRequest;
import dev.curtain.model.event.Event;
import dev.curtain.model.event.EventStats;
import dev.curtain.model.event.SeatBlock;
import dev.curtain.model.hold.BestRequest;
import dev.curtain.model.hold.Hold;
import dev.curtain.model.hold.HoldRequest;
import dev.curtain.model.hold.SeatIdsRequest;
import dev.curtain.model.json.Json;
import dev.curtain.model.live.SeatSnapshot;
import dev.curtain.model.ops.IntegrityReport;
import dev.curtain.model.report.DayReport;
import dev.curtain.model.problem.Problem;
import dev.curtain.model.venue.Venue;
import dev.curtain.model.venue.VenueSummary;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The desktop app's way to the server's public REST API. Refusals arrive as {@link ApiException}
 * carrying the server's problem document; an expired staff token is refreshed once, transparently.
 * Blocking: call it from a background thread.
 */
public final class CurtainClient {

    private static final MediaType JSON_TYPE = MediaType.get("application/json");
    /** Thread-safe once configured; one for all clients (the simulator makes thousands of clients). */
    private static final ObjectMapper MAPPER = Json.newMapper();

    private final OkHttpClient http;
    private final ObjectMapper json = MAPPER;
    private final String baseUrl;
    private volatile TokenResponse tokens;

    public CurtainClient(String baseUrl) {
        this(baseUrl, new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(30))
                .build());
    }

    /** A client on a shared OkHttp client (its connection pool and timeouts), with its own sign-in. */
    public CurtainClient(String baseUrl, OkHttpClient http) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.http = http;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public Optional<TokenResponse> tokens() {
        return Optional.ofNullable(tokens);
    }

    public String accessToken() {
        TokenResponse t = tokens;
        return t == null ? null : t.accessToken();
    }

    /** ws://… address of an event's live feed, with the current token. */
    public String liveUrl(String eventId) {
        String ws = baseUrl.replaceFirst("^http", "ws");
        return ws + "/ws/events/" + eventId + "?access_token=" + URLEncoder.encode(accessToken(), StandardCharsets.UTF_8);
    }

    // ---- auth ----

    public TokenResponse login(String username, String password) throws IOException {
        tokens = send(post("/api/auth/login", new LoginRequest(username, password)), new TypeReference<>() { }, false);
        return tokens;
    }

    public TokenResponse guest() throws IOException {
        tokens = send(post("/api/auth/guest", null), new TypeReference<>() { }, false);
        return tokens;
    }

    // ---- venues and events ----

    public List<VenueSummary> venues() throws IOException {
        return send(get("/api/venues"), new TypeReference<>() { });
    }

    public Venue venue(String id) throws IOException {
        return send(get("/api/venues/" + id), new TypeReference<>() { });
    }

    public Venue createVenue(Venue venue) throws IOException {
        return send(post("/api/venues", venue), new TypeReference<>() { });
    }

    public Event createEvent(Event event) throws IOException {
        return send(post("/api/events", event), new TypeReference<>() { });
    }

    public List<Event> events(Instant from, Instant to) throws IOException {
        StringBuilder path = new StringBuilder("/api/events?");
        if (from != null) {
            path.append("from=").append(from).append('&');
        }
        if (to != null) {
            path.append("to=").append(to);
        }
        return send(get(path.toString()), new TypeReference<>() { });
    }

    public Event event(String id) throws IOException {
        return send(get("/api/events/" + id), new TypeReference<>() { });
    }

    public EventStats stats(String eventId) throws IOException {
        return send(get("/api/events/" + eventId + "/stats"), new TypeReference<>() { });
    }

    public IntegrityReport integrity(String eventId) throws IOException {
        return send(get("/api/events/" + eventId + "/integrity"), new TypeReference<>() { });
    }

    public List<SeatBlock> block(String eventId, List<String> seatIds, String reason) throws IOException {
        return send(post("/api/events/" + eventId + "/blocks", new BlockRequest(seatIds, reason)), new TypeReference<>() { });
    }

    public List<SeatBlock> unblock(String eventId, List<String> seatIds) throws IOException {
        return send(request("/api/events/" + eventId + "/blocks").delete(body(new BlockRequest(seatIds, null))),
                new TypeReference<>() { });
    }

    // ---- holds ----

    public SeatSnapshot seats(String eventId) throws IOException {
        return send(get("/api/events/" + eventId + "/seats"), new TypeReference<>() { });
    }

    public Hold hold(String eventId, HoldRequest request) throws IOException {
        return send(post("/api/events/" + eventId + "/holds", request), new TypeReference<>() { });
    }

    public Hold addSeats(String holdId, List<String> seatIds) throws IOException {
        return send(post("/api/holds/" + holdId + "/seats", new SeatIdsRequest(seatIds)), new TypeReference<>() { });
    }

    /** Empty when the seat was the hold's last and the hold is gone. */
    public Optional<Hold> removeSeat(String holdId, String seatId) throws IOException {
        String text = sendText(request("/api/holds/" + holdId + "/seats/" + seatId).delete(), true);
        return text.isEmpty() ? Optional.empty() : Optional.of(json.readValue(text, Hold.class));
    }

    public Hold extend(String holdId) throws IOException {
        return send(post("/api/holds/" + holdId + "/extend", null), new TypeReference<>() { });
    }

    public Hold nextBest(String holdId, BestRequest best) throws IOException {
        return send(post("/api/holds/" + holdId + "/next-best", best), new TypeReference<>() { });
    }

    public void release(String holdId) throws IOException {
        sendText(request("/api/holds/" + holdId).delete(), true);
    }

    // ---- bookings ----

    public Booking confirm(BookingRequest request, String idempotencyKey) throws IOException {
        return send(post("/api/bookings", request).header("Idempotency-Key", idempotencyKey), new TypeReference<>() { });
    }

    public Booking booking(String id) throws IOException {
        return send(get("/api/bookings/" + id), new TypeReference<>() { });
    }

    public List<Booking> findBookings(String query) throws IOException {
        String q = query.strip();
        String param = q.contains("@") ? "email" : q.replace("-", "").matches("[A-Za-z0-9]{6}") ? "code" : "name";
        HttpUrl url = HttpUrl.get(baseUrl + "/api/bookings").newBuilder().addQueryParameter(param, q).build();
        return send(authorized(new Request.Builder().url(url).get()), new TypeReference<>() { });
    }

    public Booking refund(String bookingId, List<String> seatIds, String reason) throws IOException {
        return send(post("/api/bookings/" + bookingId + "/refund", new RefundRequest(seatIds, reason)), new TypeReference<>() { });
    }

    public Booking exchange(String bookingId, ExchangeRequest request) throws IOException {
        return send(post("/api/bookings/" + bookingId + "/exchange", request), new TypeReference<>() { });
    }

    public Booking reprint(String bookingId, List<String> seatIds) throws IOException {
        return send(post("/api/bookings/" + bookingId + "/reprint", new SeatIdsRequest(seatIds)), new TypeReference<>() { });
    }

    // ---- reports ----

    public DayReport dayReport(LocalDate date) throws IOException {
        return send(get("/api/reports/day?date=" + date + "&zone=" + ZoneId.systemDefault().getId()), new TypeReference<>() { });
    }

    /** The day report as a file: {@code format} is "csv" or "pdf". */
    public byte[] dayReportFile(LocalDate date, String format) throws IOException {
        Request.Builder request = get("/api/reports/day." + format + "?date=" + date + "&zone=" + ZoneId.systemDefault().getId());
        try (Response response = http.newCall(request.build()).execute()) {
            byte[] body = response.body() == null ? new byte[0] : response.body().bytes();
            if (!response.isSuccessful()) {
                throw new ApiException(problem(response, new String(body, StandardCharsets.UTF_8)));
            }
            return body;
        }
    }

    // ---- cash drawer ----

    /** The signed-in clerk's open drawer, if any. */
    public Optional<DrawerSession> drawer() throws IOException {
        try {
            return Optional.of(send(get("/api/drawer"), new TypeReference<DrawerSession>() { }));
        } catch (ApiException e) {
            if ("DRAWER_CLOSED".equals(e.problem().code())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public DrawerSession openDrawer(long floatMinor) throws IOException {
        return send(post("/api/drawer/open", new DrawerOpenRequest(floatMinor, null)), new TypeReference<>() { });
    }

    public DrawerSession closeDrawer(long countedMinor, String note) throws IOException {
        return send(post("/api/drawer/close", new DrawerCloseRequest(countedMinor, note)), new TypeReference<>() { });
    }

    // ---- plumbing ----

    private Request.Builder request(String path) {
        return authorized(new Request.Builder().url(baseUrl + path));
    }

    private Request.Builder get(String path) {
        return request(path).get();
    }

    private Request.Builder post(String path, Object body) throws IOException {
        return request(path).post(body(body));
    }

    private RequestBody body(Object body) throws IOException {
        return RequestBody.create(body == null ? new byte[0] : json.writeValueAsBytes(body), JSON_TYPE);
    }

    private Request.Builder authorized(Request.Builder builder) {
        String token = accessToken();
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    private <T> T send(Request.Builder request, TypeReference<T> type) throws IOException {
        return send(request, type, true);
    }

    private <T> T send(Request.Builder request, TypeReference<T> type, boolean mayRefresh) throws IOException {
        return json.readValue(sendText(request, mayRefresh), type);
    }

    private String sendText(Request.Builder request, boolean mayRefresh) throws IOException {
        try (Response response = http.newCall(request.build()).execute()) {
            String text = response.body() == null ? "" : response.body().string();
            if (response.code() == 401 && mayRefresh && refreshTokens()) {
                return sendText(request.header("Authorization", "Bearer " + accessToken()), false);
            }
            if (!response.isSuccessful()) {
                throw new ApiException(problem(response, text));
            }
            return text;
        } catch (ApiException e) {
            throw e;
        } catch (IOException e) {
            throw new ServerUnreachableException(baseUrl, e);
        }
    }

    /** Staff tokens expire after an hour; a counter must not lose its sale over that. */
    private boolean refreshTokens() {
        TokenResponse t = tokens;
        if (t == null || t.refreshToken() == null) {
            return false;
        }
        try {
            tokens = send(post("/api/auth/refresh", new RefreshRequest(t.refreshToken())), new TypeReference<>() { }, false);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private Problem problem(Response response, String text) {
        String type = response.header("Content-Type", "");
        if (!text.isEmpty() && (type.startsWith("application/problem+json") || type.startsWith("application/json"))) {
            try {
                Problem p = json.readValue(text, Problem.class);
                if (p.code() != null) {
                    return p;
                }
            } catch (IOException ignored) {
                // fall through to a generic problem
            }
        }
        return new Problem(null, response.message(), response.code(), "The server answered " + response.code() + ".",
                "HTTP_" + response.code(), null, null);
    }
}
