package dev.curtain.desktop.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.curtain.model.auth.LoginRequest;
import dev.curtain.model.auth.TokenResponse;
import dev.curtain.model.event.Event;
import dev.curtain.model.json.Json;
import dev.curtain.model.problem.Problem;
import dev.curtain.model.venue.Venue;
import dev.curtain.model.venue.VenueSummary;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The desktop app's way to the server's public REST API. Refusals arrive as {@link ApiException}
 * carrying the server's problem document.
 */
public final class CurtainClient {

    private static final MediaType JSON_TYPE = MediaType.get("application/json");

    private final OkHttpClient http;
    private final ObjectMapper json = Json.newMapper();
    private final String baseUrl;
    private volatile String accessToken;

    public CurtainClient(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(30))
                .build();
    }

    public TokenResponse login(String username, String password) throws IOException {
        TokenResponse tokens = send(post("/api/auth/login", new LoginRequest(username, password)),
                new TypeReference<>() { });
        accessToken = tokens.accessToken();
        return tokens;
    }

    public TokenResponse guest() throws IOException {
        TokenResponse tokens = send(post("/api/auth/guest", null), new TypeReference<>() { });
        accessToken = tokens.accessToken();
        return tokens;
    }

    public List<VenueSummary> venues() throws IOException {
        return send(get("/api/venues"), new TypeReference<>() { });
    }

    public Venue venue(String id) throws IOException {
        return send(get("/api/venues/" + id), new TypeReference<>() { });
    }

    public List<Event> events() throws IOException {
        return send(get("/api/events"), new TypeReference<>() { });
    }

    public Event event(String id) throws IOException {
        return send(get("/api/events/" + id), new TypeReference<>() { });
    }

    private Request.Builder get(String path) {
        return authorized(new Request.Builder().url(baseUrl + path).get());
    }

    private Request.Builder post(String path, Object body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : json.writeValueAsBytes(body);
        return authorized(new Request.Builder().url(baseUrl + path).post(RequestBody.create(bytes, JSON_TYPE)));
    }

    private Request.Builder authorized(Request.Builder builder) {
        String token = accessToken;
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    private <T> T send(Request.Builder request, TypeReference<T> type) throws IOException {
        try (Response response = http.newCall(request.build()).execute()) {
            byte[] body = response.body() == null ? new byte[0] : response.body().bytes();
            if (!response.isSuccessful()) {
                Problem problem = body.length > 0 && isProblem(response)
                        ? json.readValue(body, Problem.class)
                        : new Problem(null, response.message(), response.code(), "The server answered " + response.code(),
                        "HTTP_" + response.code(), null, null);
                throw new ApiException(problem);
            }
            return json.readValue(body, type);
        }
    }

    private static boolean isProblem(Response response) {
        String type = response.header("Content-Type", "");
        return type.startsWith("application/problem+json") || type.startsWith("application/json");
    }
}
