package dev.curtain.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.curtain.server.testing.Api;
import dev.curtain.server.testing.ServerTest;
import org.junit.jupiter.api.Test;

class OperationsApiTest extends ServerTest {

    @Test
    void healthReportsPostgresAndRedis() {
        Api.Response r = api.get("/health", null);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode health = r.json();
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("details").path("jdbc").path("status").asText()).isEqualTo("UP");
        assertThat(health.path("details").path("redis").path("status").asText()).isEqualTo("UP");
    }

    @Test
    void prometheusServesMetrics() {
        Api.Response r = api.get("/prometheus", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).contains("jvm_memory_used_bytes");
    }

    @Test
    void openApiDocumentAndSwaggerUiAreServed() {
        Api.Response spec = api.get("/openapi/curtain.yml", null);
        assertThat(spec.status()).as(spec.text()).isEqualTo(200);
        assertThat(spec.text()).contains("/api/venues").contains("/api/events").contains("/api/auth/login");
        assertThat(api.get("/swagger/curtain.yml", null).status()).isEqualTo(200); // what Swagger UI loads
        assertThat(api.get("/swagger-ui", null).status()).isEqualTo(303);
        Api.Response ui = api.get("/swagger-ui/index.html", null);
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.text()).containsIgnoringCase("swagger");
    }

    @Test
    void unknownRouteIs404Problem() {
        Api.Response r = api.get("/api/nothing-here", login("clerk"));
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.code()).isEqualTo("NOT_FOUND");
    }

    @Test
    void wrongMethodIsAProblemToo() {
        Api.Response r = api.delete("/api/venues", login("manager"));
        assertThat(r.status()).isBetween(400, 499);
        assertThat(r.isProblem()).isTrue();
    }
}
