package dev.curtain.server.ops.bench;

import dev.curtain.server.ops.embedded.PidFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * CPU time used by this JVM, the embedded PostgreSQL (its postmaster, its backends and the
 * backends that have ended) and the embedded Redis. Throughput on this machine moves with the
 * hour; the CPU an operation costs each process says where its time goes and what a change saved
 * (docs/decisions/015 and 016 were measured this way). Linux only: elsewhere there is no reading.
 */
record ProcessCpu(long jvmMicros, long postgresMicros, long redisMicros) {

    /** Linux reports the time of ended children (in /proc/PID/stat) in ticks of 1/100 s. */
    private static final long MICROS_PER_TICK = 10_000;

    /** What the processes of a server whose databases keep their pid files under {@code home} use from now on. */
    record Meter(Path home, Optional<ProcessCpu> start) {
        Optional<ProcessCpu> used() {
            return start.flatMap(before -> read(home).map(after -> after.minus(before)));
        }
    }

    static Meter meter(Path home) {
        return new Meter(home, read(home));
    }

    static Optional<ProcessCpu> read(Path home) {
        try {
            ProcessHandle postmaster = process(home.resolve("postgres").resolve("postmaster.pid"));
            long postgres = micros(postmaster) + endedChildrenMicros(postmaster.pid())
                    + postmaster.children().mapToLong(ProcessCpu::micros).sum();
            return Optional.of(new ProcessCpu(micros(ProcessHandle.current()), postgres,
                    micros(process(home.resolve("redis").resolve("redis.pid")))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    ProcessCpu minus(ProcessCpu earlier) {
        return new ProcessCpu(jvmMicros - earlier.jvmMicros, postgresMicros - earlier.postgresMicros,
                redisMicros - earlier.redisMicros);
    }

    /** "JVM 95 µs, PostgreSQL 0 µs, Redis 45 µs" per operation. */
    String perOperation(long operations) {
        long n = Math.max(1, operations);
        return String.format(Locale.ROOT, "JVM %,d µs, PostgreSQL %,d µs, Redis %,d µs", jvmMicros / n,
                postgresMicros / n, redisMicros / n);
    }

    private static ProcessHandle process(Path pidFile) throws IOException {
        return PidFile.read(pidFile).flatMap(ProcessHandle::of)
                .orElseThrow(() -> new IOException("no process for " + pidFile));
    }

    private static long micros(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L) / 1_000;
    }

    /** cutime + cstime: fields 16 and 17 of /proc/PID/stat, counted after the command name's ')'. */
    private static long endedChildrenMicros(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[13]) + Long.parseLong(f[14])) * MICROS_PER_TICK;
    }
}
