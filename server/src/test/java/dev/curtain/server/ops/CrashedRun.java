package dev.curtain.server.ops;

import dev.curtain.server.ops.embedded.EmbeddedPostgresServer;
import dev.curtain.server.ops.embedded.EmbeddedRedisServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Plays a server JVM that dies by SIGKILL: its embedded PostgreSQL and Redis keep running,
 * holding their data folders, as after a real crash.
 */
final class CrashedRun {

    private CrashedRun() {
    }

    /** Runs in a child JVM: starts both databases, says READY, then waits to be killed. */
    public static void main(String[] args) throws InterruptedException {
        Path home = Path.of(args[0]);
        EmbeddedPostgresServer.start(home.resolve("postgres"));
        EmbeddedRedisServer.start(home.resolve("redis"));
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(TimeUnit.MINUTES.toMillis(5));
    }

    static void leaveOrphansIn(Path home) throws Exception {
        Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashedRun.class.getName(), home.toString())
                .redirectErrorStream(true)
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.contains("READY")) {
                // start-up chatter
            }
            if (line == null) {
                throw new IllegalStateException("the crashing JVM never got its databases up");
            }
        }
        jvm.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
}
