package dev.curtain.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.curtain.server.hold.HoldSweeper;
import dev.curtain.server.testing.Api;
import dev.curtain.server.testing.ServerTest;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.inject.BeanDefinition;
import io.micronaut.scheduling.TaskExceptionHandler;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

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

    /** A scheduled task that cannot be made while the server shuts down is the shutdown, not an error. */
    @Test
    @SuppressWarnings("unchecked")
    void scheduledTasksThatFailAreErrorsExceptAtShutdown() {
        assertThat(server.context().getBean(TaskExceptionHandler.class)).isInstanceOf(QuietShutdownTaskExceptionHandler.class);
        BeanDefinition<Object> sweeper = (BeanDefinition<Object>) (BeanDefinition<?>) server.context()
                .getBeanDefinition(HoldSweeper.class);
        Logger logger = (Logger) LoggerFactory.getLogger(QuietShutdownTaskExceptionHandler.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        try {
            QuietShutdownTaskExceptionHandler handler = new QuietShutdownTaskExceptionHandler();
            handler.handleCreationFailure(sweeper, new IllegalStateException("no store"));
            handler.handle(new Object(), new IllegalStateException("sweep failed"));
            handler.onApplicationEvent(new ShutdownEvent(server.context()));
            handler.handleCreationFailure(sweeper, new IllegalStateException("context closing"));
            handler.handle(new Object(), new IllegalStateException("sweep failed while stopping"));
        } finally {
            logger.detachAppender(log);
        }
        assertThat(log.list).filteredOn(e -> e.getLevel() == Level.ERROR).extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly("event=scheduled_task_not_created bean=HoldSweeper error=\"java.lang.IllegalStateException: no store\"",
                        "event=scheduled_task_failed bean=Object error=\"java.lang.IllegalStateException: sweep failed\"",
                        "event=scheduled_task_failed bean=Object error=\"java.lang.IllegalStateException: sweep failed while stopping\"");
    }
}
