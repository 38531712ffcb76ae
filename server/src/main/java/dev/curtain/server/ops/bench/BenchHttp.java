package dev.curtain.server.ops.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.curtain.model.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;

/**
 * The benchmark's client of the public REST API: the JDK HTTP client (HTTP/1.1, keep-alive), JSON
 * with the shared mapping. Only ever talks to 127.0.0.1.
 */
final class BenchHttp {

    static final ObjectMapper JSON = Json.newMapper();

    private final HttpClient http;
    private final String base;

    BenchHttp(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newCachedThreadPool(r -> {
                    Thread t = new Thread(null, r, "bench-http", 256 * 1024);
                    t.setDaemon(true);
                    return t;
                }))
                .build();
    }

    record Response(int status, byte[] body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON (" + status + "): " + text(), e);
            }
        }

        String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }

        boolean ok() {
            return status >= 200 && status < 300;
        }

        Response require(String what) {
            if (!ok()) {
                throw new IllegalStateException(what + " failed: HTTP " + status + " " + text());
            }
            return this;
        }
    }

    Response get(String path, String token) throws IOException, InterruptedException {
        return send(request(path, token).GET());
    }

    Response delete(String path, String token) throws IOException, InterruptedException {
        return send(request(path, token).DELETE());
    }

    Response post(String path, Object body, String token) throws IOException, InterruptedException {
        return post(path, body, token, null);
    }

    Response post(String path, Object body, String token, String idempotencyKey)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = request(path, token).header("Content-Type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(write(body)));
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        return send(b);
    }

    String login(String user, String password) throws IOException, InterruptedException {
        return post("/api/auth/login", java.util.Map.of("username", user, "password", password), null)
                .require("login " + user).json().path("access_token").asText();
    }

    String guest() throws IOException, InterruptedException {
        return post("/api/auth/guest", null, null).require("guest sign-in").json().path("access_token").asText();
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private Response send(HttpRequest.Builder b) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Response(r.statusCode(), r.body());
    }

    static byte[] write(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
