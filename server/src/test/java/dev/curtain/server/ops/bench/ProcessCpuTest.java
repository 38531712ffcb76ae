package dev.curtain.server.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessCpuTest {

    @TempDir
    Path home;

    @Test
    void readsTheProcessesNamedByThePidFilesAndCountsTheirCpuPerOperation() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "Linux only");
        String self = ProcessHandle.current().pid() + "\n";
        Files.createDirectories(home.resolve("postgres"));
        Files.createDirectories(home.resolve("redis"));
        Files.writeString(home.resolve("postgres").resolve("postmaster.pid"), self + "/data\n");
        Files.writeString(home.resolve("redis").resolve("redis.pid"), self);

        ProcessCpu before = ProcessCpu.read(home).orElseThrow();
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long spin = threads.getCurrentThreadCpuTime() + 50_000_000; // 50 ms of this thread's CPU, however busy the machine
        while (threads.getCurrentThreadCpuTime() < spin) {
            Thread.onSpinWait();
        }
        ProcessCpu used = ProcessCpu.read(home).orElseThrow().minus(before);

        assertThat(used.jvmMicros()).isPositive();
        assertThat(used.redisMicros()).isPositive(); // the same process here, read a moment later
        assertThat(used.postgresMicros()).isPositive();
        assertThat(new ProcessCpu(95_000, 0, 45_000).perOperation(1_000)).isEqualTo("JVM 95 µs, PostgreSQL 0 µs, Redis 45 µs");
    }

    @Test
    void withoutThePidFilesThereIsNoReading() {
        assertThat(ProcessCpu.read(home)).isEmpty();
    }
}
