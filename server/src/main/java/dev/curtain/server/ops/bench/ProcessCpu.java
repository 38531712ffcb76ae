package dev.curtain.server.ops.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * CPU time used so far by this JVM, the embedded PostgreSQL (its postmaster, its backends and the
 * backends that have ended) and the embedded Redis, read from Linux's {@code /proc}. Throughput on
 * this machine moves with the hour; the CPU an operation costs each process says where its time
 * goes and what a change saved (docs/decisions/015 and 016 were measured this way).
 */
record ProcessCpu(long jvmMicros, long postgresMicros, long redisMicros) {

    /** Linux reports process times in clock ticks of 1/100 s on every architecture it runs on. */
    private static final long MICROS_PER_TICK = 10_000;

    /** Now, for the databases whose pid files are under {@code home}; empty where there is no /proc. */
    static Optional<ProcessCpu> read(Path home) {
        try {
            long jvm = ticks(ProcessHandle.current().pid(), false);
            long postgres = withChildren(pid(home.resolve("postgres").resolve("postmaster.pid")));
            long redis = ticks(pid(home.resolve("redis").resolve("redis.pid")), false);
            return Optional.of(new ProcessCpu(jvm * MICROS_PER_TICK, postgres * MICROS_PER_TICK,
                    redis * MICROS_PER_TICK));
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
        return String.format(java.util.Locale.ROOT, "JVM %,d µs, PostgreSQL %,d µs, Redis %,d µs", jvmMicros / n,
                postgresMicros / n, redisMicros / n);
    }

    private static long pid(Path pidFile) throws IOException {
        return Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
    }

    /** The postmaster's own time and its ended children's, and the time of the children still running. */
    private static long withChildren(long parent) throws IOException {
        long total = ticks(parent, true);
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) entries::iterator) {
                String name = p.getFileName().toString();
                if (name.chars().allMatch(Character::isDigit)) {
                    String[] f = fields(p);
                    if (f != null && Long.parseLong(f[1]) == parent) {
                        total += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    }
                }
            }
        }
        return total;
    }

    private static long ticks(long pid, boolean withEndedChildren) throws IOException {
        String[] f = fields(Path.of("/proc", String.valueOf(pid)));
        if (f == null) {
            throw new IOException("no process " + pid);
        }
        long own = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        return withEndedChildren ? own + Long.parseLong(f[13]) + Long.parseLong(f[14]) : own;
    }

    /** The fields of /proc/PID/stat after the command name: state, ppid, …, utime (11), stime (12), cutime, cstime. */
    private static String[] fields(Path procDir) {
        try {
            String stat = Files.readString(procDir.resolve("stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null; // the process ended meanwhile
        }
    }
}
