package dev.curtain.server.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.curtain.model.auth.TokenResponse;
import dev.curtain.model.event.Event;
import dev.curtain.server.ops.embedded.EmbeddedPostgresServer;
import dev.curtain.server.ops.embedded.EmbeddedRedisServer;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.curtain.server.testing.Api;
import dev.curtain.server.testing.LiveClient;
import dev.curtain.server.testing.TestData;
import dev.curtain.server.testing.TestInfrastructure;
import io.lettuce.core.RedisClient;
import io.lettuce.core.resource.ClientResources;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.event.ShutdownEvent;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The launcher's two modes: embedded databases under the Curtain home folder (kept across restarts,
 * demo data seeded once) and external databases (nothing embedded started).
 */
class StartupModesTest {

    private static LaunchSettings embedded(Path home) {
        return new LaunchSettings(home, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("-1"), Optional.empty(), Optional.of(TestInfrastructure.DEMO_PASSWORD), false);
    }

    @Test
    void embeddedModeKeepsDataAcrossRestartsAndSeedsDemoOnce() {
        Path home = TestInfrastructure.tempDir("curtain-home");
        String eventId;
        try (CurtainServer first = CurtainServer.start(embedded(home), Map.of())) {
            assertThat(first.embeddedDatabase()).isTrue();
            assertThat(first.embeddedRedis()).isTrue();
            Api api = new Api(first.port());
            String admin = signIn(api, "admin");
            JsonNode venues = api.get("/api/venues", admin).json();
            assertThat(venues).extracting(v -> v.path("id").asText())
                    .containsExactlyInAnyOrder("demo-cinema", "demo-theatre", "demo-cabaret", "demo-arena");
            assertThat(api.get("/api/events", admin).json().size()).isGreaterThan(20);
            assertThat(api.post("/api/venues", TestData.hall("kept-hall", 2, 3), admin).status()).isEqualTo(201);
            Api.Response created = api.post("/api/events",
                    TestData.event("kept-hall", "Survives a restart", Instant.parse("2031-01-01T20:00:00Z")), admin);
            assertThat(created.status()).as(created.text()).isEqualTo(201);
            eventId = created.as(Event.class).id();
            assertThat(home.resolve("demo-password")).doesNotExist(); // the password came from the environment
            assertThat(home.resolve("jwt-secret")).exists();
        }
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        List<LiveClient> subscribers = new ArrayList<>();
        try (CurtainServer second = CurtainServer.start(embedded(home), Map.of())) {
            assertThatThrownBy(() -> CurtainServer.start(embedded(home), Map.of()))
                    .hasMessageContaining("already running");
            Api api = new Api(second.port());
            String clerk = signIn(api, "clerk");
            assertThat(api.get("/api/events/" + eventId, clerk).json().path("title").asText()).isEqualTo("Survives a restart");
            assertThat(api.get("/api/venues", clerk).json()).hasSize(5); // four demo venues seeded once, plus ours
            // stopping a server that live subscribers are watching (half of them leaving meanwhile) is quiet
            for (int i = 0; i < 40; i++) {
                LiveClient live = LiveClient.connect(second.port(), eventId, clerk);
                live.next("snapshot");
                subscribers.add(live);
            }
            root.addAppender(log);
            subscribers.subList(0, 20).forEach(LiveClient::close);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        } finally {
            root.detachAppender(log);
            subscribers.forEach(LiveClient::close);
        }
        assertThat(log.list).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .extracting(ILoggingEvent::getFormattedMessage).isEmpty();
    }

    @Test
    void externalModeStartsNothingEmbedded() {
        TestInfrastructure infra = TestInfrastructure.get();
        infra.wipeDatabase();
        try (CurtainServer server = CurtainServer.start(infra.settings(), Map.of("curtain.demo.enabled", false))) {
            assertThat(server.embeddedDatabase()).isFalse();
            assertThat(server.embeddedRedis()).isFalse();
            Api.Response health = new Api(server.port()).get("/health", null);
            assertThat(health.json().path("status").asText()).isEqualTo("UP");
        }
    }

    @Test
    void scheduledTasksStopAsSoonAsShutdownBegins() throws Exception {
        TestInfrastructure infra = TestInfrastructure.get();
        try (CurtainServer server = CurtainServer.start(infra.settings(),
                Map.of("curtain.demo.enabled", false, "curtain.holds.sweep-interval-millis", 10))) {
            var context = server.context();
            var meters = context.getBean(MeterRegistry.class);
            DoubleSupplier runs = () -> meters.find("executor.completed").tag("name", "scheduled")
                    .functionCounter().count();
            Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> runs.getAsDouble() > 20); // hold sweeps every 10 ms, after the first second

            // what closing the context announces first, before it destroys any bean a task might use
            context.publishEvent(new ShutdownEvent(context));
            // a run already under way may finish: wait until the count holds still for 100 ms (never, while
            // sweeps go on every 10 ms), then it must stay still
            double[] last = {-1};
            Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).until(() -> {
                double now = runs.getAsDouble();
                boolean still = now == last[0];
                last[0] = now;
                return still;
            });
            Thread.sleep(300);
            assertThat(runs.getAsDouble()).as("no scheduled run after shutdown began").isEqualTo(last[0]);
        }
    }

    @Test
    void shutdownWaitsForAScheduledRunUnderWayBeforeAnyBeanCloses() throws Exception {
        TestInfrastructure infra = TestInfrastructure.get();
        try (CurtainServer server = CurtainServer.start(infra.settings(), Map.of("curtain.demo.enabled", false))) {
            var context = server.context();
            var scheduler = context.getBean(java.util.concurrent.ExecutorService.class,
                    io.micronaut.inject.qualifiers.Qualifiers.byName(io.micronaut.scheduling.TaskExecutors.SCHEDULED));
            java.util.concurrent.CountDownLatch running = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.atomic.AtomicBoolean finished = new java.util.concurrent.atomic.AtomicBoolean();
            scheduler.execute(() -> { // a sweep that a slow Redis answer keeps busy
                running.countDown();
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    return;
                }
                finished.set(true);
            });
            assertThat(running.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            // what closing the context announces before it destroys the beans (the Redis connection) the run uses
            context.publishEvent(new ShutdownEvent(context));
            assertThat(finished).as("the run under way finished before shutdown went on").isTrue();
        }
    }

    @Test
    void aStoppedServerShutsDownItsRedisClientsThreadPools() {
        TestInfrastructure infra = TestInfrastructure.get();
        ClientResources resources;
        try (CurtainServer server = CurtainServer.start(infra.settings(), Map.of("curtain.demo.enabled", false))) {
            resources = server.context().getBean(RedisClient.class).getResources();
            assertThat(resources.eventExecutorGroup().isShuttingDown()).isFalse();
        }
        assertThat(resources.eventExecutorGroup().isShuttingDown()).as("the client's thread pools are shut down").isTrue();
    }

    @Test
    void leftoverDatabaseProcessesOfACrashedRunDoNotBlockTheNextStart() throws Exception {
        Path home = TestInfrastructure.tempDir("curtain-crash");
        CrashedRun.leaveOrphansIn(home);
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(home.resolve("postgres"));
             EmbeddedRedisServer redis = EmbeddedRedisServer.start(home.resolve("redis"));
             Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.username(), "");
             ResultSet rs = c.createStatement().executeQuery("select 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(redis.port()).isPositive();
        }
    }

    private static String signIn(Api api, String user) {
        Api.Response r = api.post("/api/auth/login",
                Map.of("username", user, "password", TestInfrastructure.DEMO_PASSWORD), null);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.as(TokenResponse.class).accessToken();
    }
}
