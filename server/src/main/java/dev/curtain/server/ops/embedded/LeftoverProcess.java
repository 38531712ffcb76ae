package dev.curtain.server.ops.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a database process left running by a crashed earlier run, so that a new start finds its
 * data directory free. The process is found through its pid file and only stopped when its command
 * line names the expected program.
 */
final class LeftoverProcess {

    private static final Logger LOG = LoggerFactory.getLogger(LeftoverProcess.class);

    private LeftoverProcess() {
    }

    static void stopIfRunning(Path pidFile, String program, Duration patience) {
        Optional<ProcessHandle> leftover = PidFile.read(pidFile)
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().or(() -> p.info().command()).orElse("").contains(program));
        if (leftover.isEmpty()) {
            return;
        }
        ProcessHandle process = leftover.get();
        LOG.warn("event=leftover_process program={} pid={} action=stopping", program, process.pid());
        process.destroy(); // SIGTERM: both redis-server and postgres shut down cleanly on it
        try {
            process.onExit().get(patience.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            LOG.warn("event=leftover_process program={} pid={} action=killing", program, process.pid());
            process.destroyForcibly();
        }
    }
}
