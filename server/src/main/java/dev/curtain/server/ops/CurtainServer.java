package dev.curtain.server.ops;

import dev.curtain.server.ops.embedded.EmbeddedPostgresServer;
import dev.curtain.server.ops.embedded.EmbeddedRedisServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts Curtain: embedded PostgreSQL and Redis where no external ones are configured, then the
 * Micronaut application on top of them. Closing stops everything in reverse order.
 */
public final class CurtainServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CurtainServer.class);

    private final ApplicationContext context;
    private final List<AutoCloseable> infrastructure;
    private final boolean embeddedDatabase;
    private final boolean embeddedRedis;

    private CurtainServer(ApplicationContext context, List<AutoCloseable> infrastructure,
                          boolean embeddedDatabase, boolean embeddedRedis) {
        this.context = context;
        this.infrastructure = infrastructure;
        this.embeddedDatabase = embeddedDatabase;
        this.embeddedRedis = embeddedRedis;
    }

    /**
     * @param overrides further properties (tests use them for ports and switches); they win over
     *                  everything else
     */
    public static CurtainServer start(LaunchSettings settings, Map<String, Object> overrides, String... args) {
        List<AutoCloseable> infrastructure = new ArrayList<>();
        Map<String, Object> props = new HashMap<>();
        try {
            if (settings.databaseUrl().isEmpty() || settings.redisUri().isEmpty()) {
                infrastructure.add(HomeLock.acquire(settings.home()));
            }
            if (settings.databaseUrl().isPresent()) {
                props.put("datasources.default.url", settings.databaseUrl().get());
                settings.databaseUser().ifPresent(u -> props.put("datasources.default.username", u));
                settings.databasePassword().ifPresent(p -> props.put("datasources.default.password", p));
            } else {
                EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(settings.home().resolve("postgres"));
                infrastructure.add(pg);
                props.put("datasources.default.url", pg.jdbcUrl());
                props.put("datasources.default.username", pg.username());
                props.put("datasources.default.password", "");
            }
            if (settings.redisUri().isPresent()) {
                props.put("redis.uri", settings.redisUri().get());
            } else {
                EmbeddedRedisServer redis = EmbeddedRedisServer.start(settings.home().resolve("redis"));
                infrastructure.add(redis);
                props.put("redis.uri", redis.uri());
            }
            settings.port().ifPresent(p -> props.put("micronaut.server.port", p));
            props.put("micronaut.security.token.jwt.signatures.secret.generator.secret",
                    settings.jwtSecret().orElseGet(() -> LocalSecrets.jwtSecret(settings.home())));
            props.put("curtain.demo.password",
                    settings.demoPassword().orElseGet(() -> LocalSecrets.demoPassword(settings.home())));
            props.put("curtain.demo.password-from-environment", settings.demoPassword().isPresent());
            props.put("curtain.demo.reset", settings.resetDemo());
            props.putAll(overrides);

            // Not Micronaut.run: its own shutdown hook would race ours, which must stop the
            // application before the embedded databases underneath it.
            ApplicationContext context = ApplicationContext.builder()
                    .args(args)
                    .properties(props)
                    .start();
            try {
                context.getBean(EmbeddedServer.class).start();
            } catch (RuntimeException e) {
                context.close();
                throw e;
            }
            return new CurtainServer(context, infrastructure,
                    settings.databaseUrl().isEmpty(), settings.redisUri().isEmpty());
        } catch (RuntimeException e) {
            closeAll(infrastructure);
            throw e;
        }
    }

    public ApplicationContext context() {
        return context;
    }

    public int port() {
        return context.getBean(EmbeddedServer.class).getPort();
    }

    public boolean embeddedDatabase() {
        return embeddedDatabase;
    }

    public boolean embeddedRedis() {
        return embeddedRedis;
    }

    @Override
    public void close() {
        try {
            if (context.isRunning()) {
                context.close();
            }
        } finally {
            closeAll(infrastructure);
        }
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                LOG.warn("event=shutdown_failed resource={} error={}", resources.get(i), e.toString());
            }
        }
    }
}
