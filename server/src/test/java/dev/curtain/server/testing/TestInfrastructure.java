package dev.curtain.server.testing;

import dev.curtain.server.ops.LaunchSettings;
import dev.curtain.server.ops.embedded.EmbeddedPostgresServer;
import dev.curtain.server.ops.embedded.EmbeddedRedisServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * One PostgreSQL and one Redis per test JVM: embedded ones by default, or external servers named by
 * CURTAIN_TEST_DATABASE_URL (with CURTAIN_TEST_DATABASE_USER / _PASSWORD) and CURTAIN_TEST_REDIS_URI.
 * Tests wipe the data they touch, so point these at throw-away databases only.
 */
public final class TestInfrastructure {

    public static final String JWT_SECRET = "test-secret-test-secret-test-secret-test-secret";
    public static final String DEMO_PASSWORD = "demo-pass-123";

    private static TestInfrastructure instance;

    private final String jdbcUrl;
    private final String dbUser;
    private final String dbPassword;
    private final String redisUri;
    private final Path home;

    private TestInfrastructure(String jdbcUrl, String dbUser, String dbPassword, String redisUri, Path home) {
        this.jdbcUrl = jdbcUrl;
        this.dbUser = dbUser;
        this.dbPassword = dbPassword;
        this.redisUri = redisUri;
        this.home = home;
    }

    public static synchronized TestInfrastructure get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    private static TestInfrastructure start() {
        Path home = tempDir("curtain-test-home");
        String url = System.getenv("CURTAIN_TEST_DATABASE_URL");
        String user = Optional.ofNullable(System.getenv("CURTAIN_TEST_DATABASE_USER")).orElse("postgres");
        String password = Optional.ofNullable(System.getenv("CURTAIN_TEST_DATABASE_PASSWORD")).orElse("");
        if (url == null || url.isBlank()) {
            EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(home.resolve("postgres"));
            Runtime.getRuntime().addShutdownHook(new Thread(pg::close));
            url = pg.jdbcUrl();
            user = pg.username();
            password = "";
        }
        String redis = System.getenv("CURTAIN_TEST_REDIS_URI");
        if (redis == null || redis.isBlank()) {
            EmbeddedRedisServer embedded = EmbeddedRedisServer.start(home.resolve("redis"));
            Runtime.getRuntime().addShutdownHook(new Thread(embedded::close));
            redis = embedded.uri();
        }
        return new TestInfrastructure(url, user, password, redis, home);
    }

    public static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Settings for a server on the shared databases (the launcher's external mode). */
    public LaunchSettings settings() {
        return new LaunchSettings(home, Optional.of(jdbcUrl), Optional.of(dbUser), Optional.of(dbPassword),
                Optional.of(redisUri), Optional.of("-1"), Optional.of(JWT_SECRET), Optional.of(DEMO_PASSWORD), false);
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String redisUri() {
        return redisUri;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, dbUser, dbPassword);
    }

    /** A connection with further pgjdbc properties (for example {@code preferQueryMode}). */
    public Connection connect(java.util.Map<String, String> properties) throws SQLException {
        java.util.Properties all = new java.util.Properties();
        all.putAll(properties);
        all.setProperty("user", dbUser);
        all.setProperty("password", dbPassword);
        return DriverManager.getConnection(jdbcUrl, all);
    }

    /** Empties every table but the append-only audit log and the migration history. */
    public void wipeDatabase() {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            try (var rs = s.executeQuery("select to_regclass('public.venues') is not null")) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return; // not migrated yet: nothing to wipe
                }
            }
            s.execute("truncate venues, venue_seats, venue_categories, events, event_prices, users, refresh_tokens,"
                    + " installation, bookings, booking_seats, payments, seat_blocks, idempotency_keys, stripe_events,"
                    + " drawer_sessions, drawer_movements cascade");
        } catch (SQLException e) {
            throw new IllegalStateException("could not wipe the test database", e);
        }
    }
}
