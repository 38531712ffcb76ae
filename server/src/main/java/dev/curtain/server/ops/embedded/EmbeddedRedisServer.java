package dev.curtain.server.ops.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/**
 * A Redis server started from the binary shipped in a Maven jar. AOF is on, so holds survive a
 * restart; RDB snapshots are off because the AOF already covers them.
 */
public final class EmbeddedRedisServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRedisServer.class);

    private final RedisServer redis;
    private final int port;

    private EmbeddedRedisServer(RedisServer redis, int port) {
        this.redis = redis;
        this.port = port;
    }

    public static EmbeddedRedisServer start(Path dataDir) {
        return start(dataDir, FreePort.onLoopback());
    }

    /** On a given port: a restarted server comes back where its clients expect it. */
    public static EmbeddedRedisServer start(Path dataDir, int port) {
        try {
            Files.createDirectories(dataDir);
            Path pidFile = dataDir.resolve("redis.pid");
            LeftoverProcess.stopIfRunning(pidFile, "redis-server", Duration.ofSeconds(20));
            RedisServer redis = RedisServer.newRedisServer()
                    .port(port)
                    .bind("127.0.0.1")
                    .setting("dir " + dataDir.toAbsolutePath())
                    .setting("pidfile " + pidFile.toAbsolutePath())
                    .setting("appendonly yes")
                    .setting("appendfsync everysec")
                    .setting("save \"\"")
                    .setting("maxclients 10000")
                    .setting("notify-keyspace-events \"\"")
                    .onShutdownForceStop(false)
                    .build();
            redis.start();
            LOG.info("event=embedded_redis_started port={} dataDir={}", port, dataDir);
            return new EmbeddedRedisServer(redis, port);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded Redis in " + dataDir, e);
        }
    }

    public int port() {
        return port;
    }

    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        try {
            redis.stop();
            LOG.info("event=embedded_redis_stopped");
        } catch (IOException e) {
            LOG.warn("event=embedded_redis_stop_failed error={}", e.toString());
        }
    }
}
