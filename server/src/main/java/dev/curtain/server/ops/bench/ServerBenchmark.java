package dev.curtain.server.ops.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.curtain.model.event.Event;
import dev.curtain.model.venue.Category;
import dev.curtain.model.venue.Point;
import dev.curtain.model.venue.Seat;
import dev.curtain.model.venue.Venue;
import dev.curtain.model.venue.VenueKind;
import dev.curtain.server.demo.DemoVenues;
import dev.curtain.server.hold.redis.EventKeys;
import dev.curtain.server.hold.redis.LuaScript;
import dev.curtain.server.ops.CurtainServer;
import dev.curtain.server.ops.LaunchSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code ./curtain bench}: starts a throw-away server on embedded PostgreSQL and Redis, measures the
 * machine's own ceilings (the bare hold Lua script over Lettuce, the bare booking transaction over JDBC)
 * and then fixed scenarios through the public API, and prints the figures as Markdown. In full mode
 * (default) the server section of docs/benchmarks.md is rewritten; {@code --quick} runs every scenario
 * with tiny counts and only prints. See docs/decisions/010-benchmark.md.
 */
public final class ServerBenchmark {

    static final String START = "<!-- bench:server:start (written by ./curtain bench; do not edit by hand) -->";
    static final String END = "<!-- bench:server:end -->";
    private static final int CEILING_CONNECTIONS = 50;
    private static final java.lang.management.CompilationMXBean JIT =
            java.lang.management.ManagementFactory.getCompilationMXBean();

    /**
     * Counts and time caps of one run; {@code runs}: how many times the holds and the sales scenario run,
     * {@code rushRuns}: how many times each rush does.
     */
    public record Sizes(String name, Duration warmup, int warmupHolds, int warmupSales, int holds, int holdUsers, int sales, int saleUsers,
                        int runs, int[][] rushes, int rushRuns, int snapshotRepeats, int firstHolds, int subscribers,
                        int fanoutHolds, int ceilingScripts, int ceilingTransactions, Duration cap) {

        public static Sizes full() {
            return new Sizes("full", Duration.ofSeconds(150), 9_000, 1_500, 50_000, 200, 6_000, 64, 3,
                    new int[][] {{1_000, 10}, {5_000, 100}}, 5, 30, 10, 2_000, 20, 40_000, 20_000, Duration.ofSeconds(120));
        }

        public static Sizes quick() {
            return new Sizes("quick", Duration.ZERO, 100, 50, 400, 200, 100, 64, 1, new int[][] {{100, 10}, {300, 100}}, 1,
                    3, 2, 50, 3, 2_000, 500, Duration.ofSeconds(20));
        }
    }

    public record Options(Sizes sizes, boolean write, Path doc) {
    }

    private final BenchHttp http;
    private final CurtainServer server;
    private final Path home;
    private final String password;
    private final Sizes sizes;
    private final StringBuilder md = new StringBuilder();
    private final List<String> problems = new ArrayList<>();
    private String clerk;
    private final List<String> guestTokens = new ArrayList<>();
    private final List<String> clerkTokens = new ArrayList<>();
    private String warmupNote = "no warm-up";
    private String admin;
    private double redisCeiling;
    private double jdbcCeiling;
    private Latency redisCeilingLatency;
    private Latency jdbcCeilingLatency;

    private ServerBenchmark(CurtainServer server, Path home, String password, Sizes sizes) {
        this.server = server;
        this.home = home;
        this.http = new BenchHttp(server.port());
        this.password = password;
        this.sizes = sizes;
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("CURTAIN_LOG_LEVEL") == null && System.getenv("CURTAIN_LOG_LEVEL") == null) {
            System.setProperty("CURTAIN_LOG_LEVEL", "WARN"); // the server's per-request logs would drown the figures
        }
        boolean quick = false;
        Boolean write = null;
        Path doc = Path.of("docs", "benchmarks.md");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--write" -> write = true;
                case "--no-write" -> write = false;
                case "--doc" -> doc = Path.of(args[++i]);
                default -> {
                    System.err.println("usage: ServerBenchmark [--quick] [--write|--no-write] [--doc PATH]");
                    System.exit(64);
                }
            }
        }
        // quick mode never rewrites the document
        boolean doWrite = !quick && (write == null || write);
        Result result = run(new Options(quick ? Sizes.quick() : Sizes.full(), doWrite, doc));
        System.out.println(result.markdown());
        if (doWrite) {
            writeSection(doc, result.markdown());
            System.err.println("bench: wrote the server section of " + doc);
        }
        if (!result.problems().isEmpty()) {
            System.err.println("bench: PROBLEMS: " + result.problems());
            System.exit(2);
        }
        System.exit(0);
    }

    /** The Markdown of the server section and what went wrong (empty when every check held). */
    public record Result(String markdown, List<String> problems) {
    }

    /** Starts a server on embedded databases in a throw-away home, runs everything, stops it. */
    public static Result run(Options options) throws Exception {
        Path home = Files.createTempDirectory("curtain-bench-");
        String password = "bench-" + UUID.randomUUID();
        LaunchSettings settings = new LaunchSettings(home, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of("-1"), Optional.of("bench-jwt-secret-" + UUID.randomUUID()),
                Optional.of(password), false);
        Map<String, Object> overrides = new HashMap<>();
        overrides.put("curtain.holds.max-live-per-principal", 100_000);
        overrides.put("micronaut.server.port", -1);
        long t0 = System.nanoTime();
        log("starting a server on embedded PostgreSQL and Redis in " + home);
        // Ctrl-C or a kill ends the JVM without leaving this method: the hook waits for a start under
        // way, then stops the embedded databases, which no later start would find (each run has a
        // throw-away home of its own). A start that fails closes what it began itself.
        CompletableFuture<CurtainServer> started = new CompletableFuture<>();
        Thread stop = new Thread(() -> {
            try {
                started.get(1, TimeUnit.MINUTES).close();
            } catch (Exception notStarted) {
                // nothing to stop
            }
            deleteQuietly(home);
        }, "bench-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        CurtainServer server = null;
        try {
            server = CurtainServer.start(settings, overrides);
            started.complete(server);
            log("server up on 127.0.0.1:" + server.port() + " after " + ms(System.nanoTime() - t0) + " ms");
            ServerBenchmark bench = new ServerBenchmark(server, home, password, options.sizes());
            String markdown = bench.runAll();
            return new Result(markdown, List.copyOf(bench.problems));
        } finally {
            started.completeExceptionally(new IllegalStateException("the server did not start"));
            boolean shuttingDown = false;
            try {
                Runtime.getRuntime().removeShutdownHook(stop);
            } catch (IllegalStateException e) {
                shuttingDown = true; // the hook stops the server
            }
            if (!shuttingDown) {
                if (server != null) {
                    server.close();
                }
                deleteQuietly(home);
            }
        }
    }

    private String runAll() throws Exception {
        long started = System.nanoTime();
        clerk = http.login("clerk", password);
        admin = http.login("admin", password);
        Venue big = bigVenue();
        long t = System.nanoTime();
        http.post("/api/venues", big, admin).require("create the 100,000-seat venue");
        log("created the 100,000-seat venue in " + ms(System.nanoTime() - t) + " ms");
        List<String> arena = DemoVenues.arena().seats().stream().map(Seat::id).toList();
        List<String> bigSeats = big.seats().stream().map(Seat::id).toList();

        header();
        warmUp(arena);
        settle();
        String bigEvent = ceilings(big, bigSeats);
        // the ceiling loops change the type profiles of code the scenarios share (the load loop, pgjdbc), and
        // the JIT recompiled it during the next scenario (600 ms of compiling in a 2 s holds run): warm again
        warmUpHoldsAndSales(arena);
        settle();
        md.append("\n### Scenarios (through the public API)\n\n");
        md.append("| scenario | result | latency p50 / p95 / p99 | ratio to ceiling |\n| --- | --- | --- | --- |\n");
        String holdsEvent = holds(arena);
        sales(arena);
        settle();
        for (int[] rush : sizes.rushes()) {
            rushes(arena, rush[0], rush[1]);
        }
        snapshots(holdsEvent, bigEvent, arena, bigSeats);
        firstHolds(DemoVenues.arena(), arena.get(0));
        firstHolds(big, bigSeats.get(0));
        fanout();
        md.append("\n").append(notes());
        log("server benchmark done in " + ms(System.nanoTime() - started) / 1000 + " s");
        return md.toString();
    }

    // ------------------------------------------------------------------------------------ ceilings

    private String ceilings(Venue big, List<String> seats) throws Exception {
        String eventId = createEvent(big, "Bench ceiling");
        // one hold through the API makes the server load the event's state into Redis
        http.post("/api/events/" + eventId + "/holds", Map.of("seatIds", List.of(seats.get(0))), clerk)
                .require("initialising hold");
        String redisUri = server.context().getProperty("redis.uri", String.class).orElseThrow();
        int n = Math.min(sizes.ceilingScripts(), (seats.size() - 2) / 2);
        LuaScript create = LuaScript.load("hold_create.lua");
        String[] keys = EventKeys.scriptKeys(eventId);
        Latency latency = new Latency();
        int[] next = {0};
        int[] ok = {0};
        int[] failed = {0};
        long elapsed;
        // redis-benchmark's way: 50 connections, one script call in flight on each, no pipelining
        try (LoadLoop load = new LoadLoop(URI.create(redisUri).getPort(), CEILING_CONNECTIONS, LoadLoop.RESP)) {
            long start = System.nanoTime();
            load.run(user -> (previous, nanos) -> {
                if (previous != null) {
                    latency.recordNanos(nanos);
                    if (previous.ok()) {
                        ok[0]++;
                    } else {
                        failed[0]++;
                    }
                }
                if (next[0] >= n) {
                    return null;
                }
                int i = next[0]++;
                Instant now = Instant.now();
                Instant expires = now.plusSeconds(600);
                List<String> command = new ArrayList<>(List.of("EVALSHA", create.sha(), String.valueOf(keys.length)));
                command.addAll(List.of(keys));
                command.addAll(List.of(EventKeys.channel(eventId), eventId + ".bc" + i, "bench-ceiling",
                        String.valueOf(now.toEpochMilli()), String.valueOf(expires.toEpochMilli()), expires.toString(),
                        "1000000", seats.get(2 + 2 * i), seats.get(3 + 2 * i)));
                return LoadLoop.resp(command.toArray(String[]::new));
            }, System.nanoTime() + sizes.cap().toNanos());
            elapsed = System.nanoTime() - start;
            load.failures().forEach((what, count) -> problems.add("Redis ceiling: " + count + " x " + what));
        }
        redisCeiling = ok[0] / seconds(elapsed);
        redisCeilingLatency = latency;
        if (failed[0] > 0) {
            problems.add("Redis ceiling: " + failed[0] + " script calls did not hold");
        }
        log(String.format(Locale.ROOT, "ceiling: hold_create.lua %d calls, %.0f/s", n, redisCeiling));

        jdbcCeiling();
        md.append("### Ceilings of this machine (same run, same embedded databases)\n\n");
        md.append("| ceiling | how | throughput | latency p50 / p95 / p99 |\n| --- | --- | ---: | --- |\n");
        md.append(String.format(Locale.ROOT,
                "| Redis: bare `hold_create.lua` (2 seats) | EVALSHA like redis-benchmark: %d connections, one call in flight on each, no pipelining, %,d calls%s | %,.0f scripts/s | %s |%n",
                CEILING_CONNECTIONS, ok[0], failed[0] > 0 ? " (" + failed[0] + " failed)" : "", redisCeiling, pct(latency)));
        md.append(String.format(Locale.ROOT,
                "| PostgreSQL: bare booking transaction (1 booking + 4 seats, partial unique index, synchronous commit) | JDBC, 16 connections (= the server's pool), %,d transactions | %,.0f tx/s | %s |%n",
                jdbcCeilingLatency.count(), jdbcCeiling, pct(jdbcCeilingLatency)));
        return eventId;
    }

    /** A connection of its own to the server's database, beside the server's pool. */
    private Connection database() throws java.sql.SQLException {
        String url = server.context().getProperty("datasources.default.url", String.class).orElseThrow();
        String user = server.context().getProperty("datasources.default.username", String.class).orElse("postgres");
        String pass = server.context().getProperty("datasources.default.password", String.class).orElse("");
        return DriverManager.getConnection(url, user, pass);
    }

    /**
     * VACUUM ANALYZE before a measurement: without it, PostgreSQL's autovacuum analyses the tables
     * the previous rounds filled in the middle of the next scenario (seen in a profile: one
     * worker took a fifth of the machine during the holds scenario, which never touches PostgreSQL).
     */
    private void settle() throws Exception {
        long t = System.nanoTime();
        try (Connection c = database(); Statement s = c.createStatement()) {
            s.execute("vacuum analyze");
        }
        log("database settled (vacuum analyze) in " + ms(System.nanoTime() - t) + " ms");
    }

    private void jdbcCeiling() throws Exception {
        try (Connection c = database(); Statement s = c.createStatement()) {
            s.execute("drop table if exists bench_booking_seats");
            s.execute("drop table if exists bench_bookings");
            s.execute("""
                    create table bench_bookings (
                        id text primary key, code text not null unique, event_id text not null,
                        status text not null, total_minor bigint not null, currency text not null,
                        created_at timestamptz not null default now())""");
            s.execute("""
                    create table bench_booking_seats (
                        id bigserial primary key, booking_id text not null references bench_bookings (id),
                        event_id text not null, seat_id text not null, category text not null,
                        price_minor bigint not null, status text not null, ticket_code text not null unique)""");
            s.execute("create unique index bench_one_active_sale on bench_booking_seats (event_id, seat_id) where status = 'ACTIVE'");
        }
        int threads = 16;
        int total = sizes.ceilingTransactions();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        Latency latency = new Latency();
        long deadline = System.nanoTime() + sizes.cap().toNanos();
        List<Thread> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int w = 0; w < threads; w++) {
            Thread t = new Thread(() -> {
                try (Connection c = database()) {
                    c.setAutoCommit(false);
                    PreparedStatement booking = c.prepareStatement(
                            "insert into bench_bookings (id, code, event_id, status, total_minor, currency) values (?, ?, 'ev', 'CONFIRMED', 4000, 'EUR')");
                    PreparedStatement seat = c.prepareStatement(
                            "insert into bench_booking_seats (booking_id, event_id, seat_id, category, price_minor, status, ticket_code) values (?, 'ev', ?, 'std', 1000, 'ACTIVE', ?)");
                    int i;
                    while ((i = next.getAndIncrement()) < total && System.nanoTime() < deadline) {
                        long s = System.nanoTime();
                        try {
                            String id = UUID.randomUUID().toString();
                            booking.setString(1, id);
                            booking.setString(2, "B" + i);
                            booking.executeUpdate();
                            for (int k = 0; k < 4; k++) {
                                seat.setString(1, id);
                                seat.setString(2, "S" + (i * 4 + k));
                                seat.setString(3, "T" + (i * 4 + k));
                                seat.addBatch();
                            }
                            seat.executeBatch();
                            c.commit();
                            latency.recordNanos(System.nanoTime() - s);
                        } catch (java.sql.SQLException e) {
                            failed.incrementAndGet();
                            c.rollback();
                        }
                    }
                } catch (java.sql.SQLException e) {
                    failed.incrementAndGet();
                }
            }, "bench-jdbc-" + w);
            t.start();
            workers.add(t);
        }
        for (Thread t : workers) {
            t.join();
        }
        long elapsed = System.nanoTime() - start;
        jdbcCeiling = latency.count() / seconds(elapsed);
        jdbcCeilingLatency = latency;
        if (failed.get() > 0) {
            problems.add("JDBC ceiling: " + failed.get() + " transactions failed");
        }
        try (Connection c = database(); Statement s = c.createStatement()) {
            s.execute("drop table if exists bench_booking_seats");
            s.execute("drop table if exists bench_bookings");
        }
        log(String.format(Locale.ROOT, "ceiling: booking transaction %d tx, %.0f/s", latency.count(), jdbcCeiling));
    }

    // ------------------------------------------------------------------------------------ scenarios

    /**
     * Runs the REST scenarios on throw-away events until the JIT compiler is quiet or the warm-up cap
     * passes: the figures are those of a warm server, as one that has been selling for a while is.
     * A profile of the holds scenario after a fixed warm-up of 60,000 holds still had the C2 compiler
     * in a quarter of all CPU samples, and the figures moved by 2x between warm-up lengths.
     */
    private void warmUp(List<String> arena) throws Exception {
        if (sizes.warmup().isZero()) {
            return;
        }
        long until = System.nanoTime() + sizes.warmup().toNanos();
        int round = 0;
        double compiling;
        do {
            long compiled = compilingMillis();
            long start = System.nanoTime();
            warmUpHoldsAndSales(arena);
            rush(arena, 1_000, 10);
            long wall = ms(System.nanoTime() - start);
            compiling = (compilingMillis() - compiled) / (double) Math.max(1, wall);
            round++;
            log(String.format(Locale.ROOT, "warm-up round %d: %d ms, JIT compiling %.0f %% of the time", round, wall,
                    100 * compiling));
        } while (compiling > 0.10 && System.nanoTime() < until);
        warmupNote = String.format(Locale.ROOT, "%d warm-up round%s (holds, sales and a 1,000-user rush on throw-away "
                + "events) until the JIT compiler was busy less than 10 %% of a round (last: %.0f %%) or for at most %d s",
                round, round == 1 ? "" : "s", 100 * compiling, sizes.warmup().toSeconds());
    }

    /** The JIT compilers' time so far, summed over their threads (0 on a JVM that does not count it). */
    private static long compilingMillis() {
        return JIT.isCompilationTimeMonitoringSupported() ? JIT.getTotalCompilationTime() : 0;
    }

    /** Holds and sales on throw-away events, as in a warm-up round, without the rush. */
    private void warmUpHoldsAndSales(List<String> arena) throws Exception {
        if (sizes.warmup().isZero()) {
            return;
        }
        int perEvent = arena.size() / 2 - 1;
        runHolds(List.of(createPrimedEvent("Bench warm-up holds", arena)), arena, guests(),
                Math.min(sizes.warmupHolds(), perEvent), perEvent);
        runSales(createPrimedEvent("Bench warm-up sales", arena), arena, clerks(sizes.saleUsers()),
                Math.min(sizes.warmupSales(), perEvent), new Latency());
    }

    private List<String> guests() throws Exception {
        while (guestTokens.size() < sizes.holdUsers()) {
            guestTokens.add(http.guest());
        }
        return guestTokens.subList(0, sizes.holdUsers());
    }

    /** Staff sign-ins (each costs a password hash, so they are made once). */
    private List<String> clerks(int n) throws Exception {
        while (clerkTokens.size() < n) {
            clerkTokens.add(http.login("clerk", password));
        }
        return clerkTokens.subList(0, n);
    }

    /** Uncontended 2-seat holds: every user holds its own pairs of seats; one guest token per user. */
    private String holds(List<String> arena) throws Exception {
        int users = sizes.holdUsers();
        List<String> tokens = guests();
        int perEvent = arena.size() / 2 - 1;
        List<Run> runs = new ArrayList<>();
        List<String> firstEvents = null;
        for (int r = 0; r < sizes.runs(); r++) {
            // one arena event takes at most ~10,000 pairs; larger counts spread over several events, in order
            List<String> events = events(sizes.holds(), perEvent, "Bench holds", arena);
            firstEvents = r == 0 ? events : firstEvents;
            runs.add(runHolds(events, arena, tokens, sizes.holds(), perEvent));
        }
        Run run = median(runs);
        double rate = run.rate();
        int events = firstEvents.size();
        row(String.format(Locale.ROOT, "Uncontended 2-seat holds, %d users (guests), %,d holds (%d arena event%s, "
                        + "up to %,d holds each)", users, run.ok, events, events == 1 ? "" : "s",
                        Math.min(perEvent, sizes.holds())),
                String.format(Locale.ROOT, "**%,.0f holds/s**%s%s; JIT compiling %,d ms during the run%s", rate,
                        rates(runs, "holds"), run.errorText(), run.compilingMillis, run.cpuText("hold")),
                pct(run.latency), ratio(rate, redisCeiling, "Redis"));
        return firstEvents.get(0);
    }

    /** The run with the median throughput: the machine's speed drifts within minutes. */
    private static Run median(List<Run> runs) {
        return median(runs, Run::rate);
    }

    /** The run at the median of {@code by}. */
    private static <T> T median(List<T> runs, java.util.function.ToDoubleFunction<T> by) {
        List<T> sorted = new ArrayList<>(runs);
        sorted.sort(java.util.Comparator.comparingDouble(by));
        return sorted.get(sorted.size() / 2);
    }

    private static String rates(List<Run> runs, String what) {
        if (runs.size() == 1) {
            return "";
        }
        return runs.stream().map(r -> String.format(Locale.ROOT, "%,.0f", r.rate()))
                .collect(java.util.stream.Collectors.joining(" / ", " (median of " + runs.size() + " runs: ",
                        " " + what + "/s)"));
    }

    private List<String> events(int holds, int perEvent, String title, List<String> arena) throws Exception {
        List<String> events = new ArrayList<>();
        for (int e = 0; e * perEvent < holds; e++) {
            events.add(createPrimedEvent(title + " " + (e + 1), arena));
        }
        return events;
    }

    private Run runHolds(List<String> events, List<String> arena, List<String> tokens, int count, int perEvent)
            throws Exception {
        Run run = new Run();
        concurrently(tokens.size(), count, run, (load, user, n) -> new Op() {
            @Override
            public byte[] first() {
                int i = n % perEvent;
                return load.postJson("/api/events/" + events.get(n / perEvent) + "/holds",
                        seatIds(arena.get(2 * i), arena.get(2 * i + 1)), tokens.get(user));
            }

            @Override
            public byte[] then(BenchHttp.Response answer, long nanos) {
                run.record(answer, nanos);
                return null;
            }
        });
        log(String.format(Locale.ROOT, "holds: %d ok in %d ms, errors %s, JIT compiling %d ms", run.ok, ms(run.elapsed),
                run.errors, run.compilingMillis));
        return run;
    }

    /** Hold + confirm by card terminal (CARD_TERMINAL with a reference) from staff sign-ins (clerk). */
    private void sales(List<String> arena) throws Exception {
        int users = sizes.saleUsers();
        List<String> tokens = clerks(users);
        int perEvent = arena.size() / 2 - 1;
        List<Run> runs = new ArrayList<>();
        List<Latency> confirms = new ArrayList<>();
        for (int r = 0; r < sizes.runs(); r++) {
            if (r > 0) {
                settle();
            }
            confirms.add(new Latency());
            runs.add(runSales(createPrimedEvent("Bench sales", arena), arena, tokens, Math.min(sizes.sales(), perEvent),
                    confirms.get(r)));
        }
        Run run = median(runs);
        Latency confirm = confirms.get(runs.indexOf(run));
        double rate = run.rate();
        row(String.format(Locale.ROOT, "Hold + confirm (2 seats, CARD_TERMINAL, staff sign-ins), %d users, %,d sales",
                        users, run.ok),
                String.format(Locale.ROOT, "**%,.0f sales/s**%s%s; confirm alone p50 %s ms, p99 %s ms; JIT compiling %,d ms "
                        + "during the run%s", rate, rates(runs, "sales"), run.errorText(), f(confirm.ms(50)), f(confirm.ms(99)),
                        run.compilingMillis, run.cpuText("sale")),
                pct(run.latency), ratio(rate, jdbcCeiling, "PostgreSQL"));
    }

    private Run runSales(String eventId, List<String> arena, List<String> tokens, int count, Latency confirm)
            throws Exception {
        Run run = new Run();
        String runId = UUID.randomUUID().toString().substring(0, 8);
        concurrently(tokens.size(), count, run, (load, user, i) -> new Op() {
            long started;
            boolean confirming;

            @Override
            public byte[] first() {
                started = System.nanoTime();
                return load.postJson("/api/events/" + eventId + "/holds",
                        seatIds(arena.get(2 * i), arena.get(2 * i + 1)), tokens.get(user));
            }

            @Override
            public byte[] then(BenchHttp.Response answer, long nanos) {
                if (confirming || !answer.ok()) {
                    if (confirming && answer.ok()) {
                        confirm.recordNanos(nanos);
                    }
                    run.record(answer, System.nanoTime() - started);
                    return null;
                }
                confirming = true;
                return load.post("/api/bookings", confirmBody(answer.json().path("holdId").asText(),
                        "BENCH-" + runId + "-" + i), tokens.get(user), "bench-" + runId + "-" + i);
            }
        });
        log(String.format(Locale.ROOT, "sales: %d in %d ms (%.0f/s), errors %s, JIT compiling %d ms", run.ok,
                ms(run.elapsed), run.ok / seconds(run.elapsed), run.errors, run.compilingMillis));
        return run;
    }

    /**
     * A hold request's body, written directly: the selector thread writes every request of a scenario,
     * so it does not pay for a JSON mapper there (seat ids are letters, digits and dashes).
     */
    private static String seatIds(String... seats) {
        return "{\"seatIds\":[\"" + String.join("\",\"", seats) + "\"]}";
    }

    private static Map<String, Object> confirmBody(String holdId, String reference) {
        return Map.of("holdId", holdId, "payment", Map.of("method", "CARD_TERMINAL", "reference", reference));
    }

    /**
     * {@code users} buyers released at once on {@code seats} seats, {@code sizes.rushRuns()} times on
     * fresh events: a rush lasts a fraction of a second, and one run's hold p99 moved by half between
     * runs a few seconds apart. The row shows the run with the median hold p99, with every run's.
     */
    private void rushes(List<String> arena, int users, int seats) throws Exception {
        List<RushRun> runs = new ArrayList<>();
        for (int r = 0; r < sizes.rushRuns(); r++) {
            runs.add(rush(arena, users, seats));
        }
        RushRun run = median(runs, r -> r.hold().ms(99));
        String every = runs.size() == 1 ? "" : runs.stream().map(r -> f(r.hold().ms(99)))
                .collect(java.util.stream.Collectors.joining(" / ", "; the " + runs.size() + " runs' hold p99: ", " ms"))
                + runs.stream().map(r -> r.soldOutNanos() == 0 ? "not" : String.valueOf(ms(r.soldOutNanos())))
                .collect(java.util.stream.Collectors.joining(" / ", ", sold out in ", " ms"));
        IntegrityCheck check = run.check();
        row(String.format(Locale.ROOT, "Rush: %,d users released at once on %d seats (1 seat each, hold then CARD_TERMINAL confirm)",
                        users, seats),
                String.format(Locale.ROOT, "**sold out in %s**; sold %d = seats %d: %s; double sales %d; integrity %s; "
                                + "%,d hold attempts (%,d conflicts)%s; all users done after %,d ms%s%s",
                        run.sellOut(), check.soldSeats(), seats, check.soldSeats() == seats ? "yes" : "NO",
                        check.doubleSold(), check.ok() ? "ok" : "FAILED", run.hold().count(), run.conflicts(),
                        run.errors().isEmpty() ? "" : ", errors " + run.errors(), ms(run.allDoneNanos()), run.cpuText(),
                        every),
                "hold " + pct(run.hold()), "—");
    }

    /** One rush as its row reports it; {@code soldOutNanos} is 0 when the seats did not sell out. */
    private record RushRun(Latency hold, long soldOutNanos, IntegrityCheck check, int conflicts, Map<String, LongAdder> errors,
                           long allDoneNanos, String cpuText) {
        String sellOut() {
            return soldOutNanos == 0 ? "not sold out" : ms(soldOutNanos) + " ms";
        }
    }

    /** One rush on a fresh event; every run is checked: exactly {@code seats} sold, none twice. */
    private RushRun rush(List<String> arena, int users, int seats) throws Exception {
        String eventId = createEvent(DemoVenues.arena(), "Bench rush " + users + "/" + seats);
        List<String> target = arena.subList(1_000, 1_000 + seats);
        List<String> tokens = clerks(Math.min(users, 32));
        prime(eventId, arena.get(arena.size() - 1));
        String runId = UUID.randomUUID().toString().substring(0, 8);
        Latency holdLatency = new Latency();
        AtomicInteger sold = new AtomicInteger();
        AtomicInteger conflicts = new AtomicInteger();
        AtomicInteger gaveUp = new AtomicInteger();
        AtomicLong soldOutAt = new AtomicLong();
        Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        long deadline = System.nanoTime() + sizes.cap().toNanos();
        long start;
        ProcessCpu.Meter cpu;
        try (LoadLoop load = new LoadLoop(server.port(), users)) {
            // Buyers wait on the seat map for the on-sale: their connections are open when it starts.
            load.run(user -> new LoadLoop.User() {
                @Override
                public byte[] next(BenchHttp.Response previous, long nanos) {
                    return previous == null ? load.get("/api/events/" + eventId + "/seats", tokens.get(user % tokens.size())) : null;
                }
            }, deadline);
            cpu = ProcessCpu.meter(home);
            start = System.nanoTime();
            load.run(user -> new LoadLoop.User() {
                final SplittableRandom random = new SplittableRandom(user);
                final Set<String> taken = new HashSet<>();
                final String token = tokens.get(user % tokens.size());
                int attempts;
                boolean confirming;

                @Override
                public byte[] next(BenchHttp.Response previous, long nanos) {
                    if (confirming) {
                        if (!previous.ok()) {
                            errors.computeIfAbsent("confirm " + previous.status(), k -> new LongAdder()).increment();
                        } else if (sold.incrementAndGet() == seats) {
                            soldOutAt.set(System.nanoTime());
                        }
                        return null;
                    }
                    if (previous != null) {
                        holdLatency.recordNanos(nanos);
                        if (previous.ok()) {
                            confirming = true;
                            String key = "rush-" + runId + "-" + user;
                            return load.post("/api/bookings", confirmBody(previous.json().path("holdId").asText(), key),
                                    token, key);
                        }
                        if (previous.status() == 409) {
                            conflicts.incrementAndGet(); // the one seat asked for, already in taken
                        } else {
                            errors.computeIfAbsent("hold " + previous.status(), k -> new LongAdder()).increment();
                        }
                    }
                    List<String> open = new ArrayList<>(target);
                    open.removeAll(taken);
                    if (attempts++ == 10 || sold.get() >= seats || open.isEmpty()) {
                        gaveUp.incrementAndGet();
                        return null;
                    }
                    String seat = open.get(random.nextInt(open.size()));
                    taken.add(seat);
                    return load.postJson("/api/events/" + eventId + "/holds", seatIds(seat), token);
                }
            }, deadline);
            load.failures().forEach((what, n) -> errors.computeIfAbsent("io " + what, k -> new LongAdder()).add(n));
        }
        long end = System.nanoTime();
        String cpuText = cpu.used()
                .map(used -> "; CPU per hold attempt (its confirms included): " + used.perOperation(holdLatency.count()))
                .orElse("");
        IntegrityCheck check = integrity(eventId, target);
        RushRun run = new RushRun(holdLatency, soldOutAt.get() == 0 ? 0 : soldOutAt.get() - start, check, conflicts.get(),
                errors, end - start, cpuText);
        log(String.format(Locale.ROOT, "rush %d/%d: sold %d, sell-out %s, hold p99 %s ms, conflicts %d, errors %s, integrity %s%s",
                users, seats, sold.get(), run.sellOut(), f(holdLatency.ms(99)), conflicts.get(), errors, check, cpuText));
        if (sold.get() != seats || check.soldSeats() != seats || check.doubleSold() != 0 || !check.ok()) {
            problems.add("rush " + users + "/" + seats + ": sold " + sold.get() + ", seats sold per the server "
                    + check.soldSeats() + ", double sales " + check.doubleSold() + ", integrity ok " + check.ok());
        }
        return run;
    }

    private record IntegrityCheck(boolean ok, int doubleSold, int soldSeats) {
    }

    private IntegrityCheck integrity(String eventId, List<String> target) throws Exception {
        JsonNode report = http.get("/api/events/" + eventId + "/integrity", admin).require("integrity").json();
        JsonNode snapshot = http.get("/api/events/" + eventId + "/seats", admin).require("snapshot").json();
        Set<String> targets = new HashSet<>(target);
        int sold = 0;
        for (JsonNode s : snapshot.path("sold")) {
            if (targets.contains(s.asText())) {
                sold++;
            }
        }
        return new IntegrityCheck(report.path("ok").asBoolean(false), report.path("doubleSold").size(), sold);
    }

    /** GET /api/events/{id}/seats on the 20,000-seat arena and the 100,000-seat venue as the scenarios left them. */
    private void snapshots(String arenaEvent, String bigEvent, List<String> arena, List<String> big) throws Exception {
        String guest = http.guest();
        String arenaName = String.format(Locale.ROOT, "%,d-seat arena", arena.size());
        String bigName = String.format(Locale.ROOT, "%,d-seat venue", big.size());
        // the holds scenario left the arena's second-last seat free, the ceiling the big venue's last ones
        snapshot(arenaEvent, guest, arenaName, null);
        snapshot(arenaEvent, guest, arenaName, arena.get(arena.size() - 2));
        snapshot(bigEvent, guest, bigName, null);
        snapshot(bigEvent, guest, bigName, big.get(big.size() - 1));
    }

    /**
     * The first hold of each of a few new performances of a venue already in use: it builds the
     * performance's seat state in Redis before it answers (the scenarios above prime their events
     * before their clocks start).
     */
    private void firstHolds(Venue venue, String seat) throws Exception {
        Latency latency = new Latency();
        for (int i = 0; i < sizes.firstHolds(); i++) {
            String eventId = createEvent(venue, "Bench first hold " + (i + 1));
            long start = System.nanoTime();
            prime(eventId, seat);
            latency.recordNanos(System.nanoTime() - start);
        }
        row(String.format(Locale.ROOT, "First hold of a new performance (builds its seat state in Redis), %,d-seat "
                        + "venue already in use, %d performances one after another", venue.seats().size(), latency.count()),
                String.format(Locale.ROOT, "**max %s ms**", f(latency.maxMs())), pct(latency), "—");
    }

    /**
     * Snapshots one after another. With {@code changeSeat}, a hold of that seat and its release move the
     * event's version before each call (the server's copy of the seats follows the deltas; Redis reads
     * them all only when the copy missed one); without, the event is unchanged.
     */
    private void snapshot(String eventId, String token, String what, String changeSeat) throws Exception {
        Latency latency = new Latency();
        long bytes = 0;
        int held = 0;
        int sold = 0;
        for (int i = 0; i < sizes.snapshotRepeats() + 2; i++) {
            if (changeSeat != null) {
                String holdId = http.post("/api/events/" + eventId + "/holds", Map.of("seatIds", List.of(changeSeat)), clerk)
                        .require("snapshot change hold").json().path("holdId").asText();
                http.delete("/api/holds/" + holdId, clerk).require("snapshot change release");
            }
            long s = System.nanoTime();
            BenchHttp.Response r = http.get("/api/events/" + eventId + "/seats", token).require("snapshot");
            long e = System.nanoTime();
            if (i >= 2) {
                latency.recordNanos(e - s);
            }
            bytes = r.body().length;
            if (i == 0) {
                JsonNode json = r.json();
                held = json.path("held").size();
                sold = json.path("sold").size();
            }
        }
        log(String.format(Locale.ROOT, "snapshot %s: %d bytes, p50 %.1f ms", what, bytes, latency.ms(50)));
        row(String.format(Locale.ROOT, "Seat snapshot `GET /api/events/{id}/seats`, %s (%,d held, %,d sold), %d calls one after another, %s",
                        what, held, sold, latency.count(), changeSeat == null ? "event unchanged between them"
                                : "each after a hold and its release (a new version each time)"),
                String.format(Locale.ROOT, "**%s** (%,d bytes), max %s ms", size(bytes), bytes, f(latency.maxMs())),
                pct(latency), "—");
    }

    /** Subscribers on one event's live feed; the time from sending a hold to its delta at each subscriber. */
    private void fanout() throws Exception {
        Venue cinema = DemoVenues.cinema();
        String eventId = createEvent(cinema, "Bench fan-out");
        String guest = http.guest();
        int n = sizes.subscribers();
        List<String> seats = cinema.seats().stream().map(Seat::id).toList();
        int holds = Math.min(sizes.fanoutHolds(), seats.size());
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Latency latency = new Latency();
        LongAdder delivered = new LongAdder();
        CountDownLatch snapshots = new CountDownLatch(n);
        AtomicInteger refused = new AtomicInteger();
        String path = "/ws/events/" + eventId + "?access_token=" + guest;
        long t0 = System.nanoTime();
        try (LoadLoop load = new LoadLoop(server.port(), n, LoadLoop.WEBSOCKET)) {
            Thread loop = new Thread(() -> {
                try {
                    load.run(user -> new FanoutSubscriber(load, path, holds, sentAt, latency, delivered, snapshots, refused),
                            System.nanoTime() + sizes.cap().toNanos());
                } catch (IOException e) {
                    load.failures().merge("selector: " + e, 1, Integer::sum);
                }
            }, "bench-fanout");
            loop.setDaemon(true);
            loop.start();
            boolean allConnected = snapshots.await(sizes.cap().toSeconds(), TimeUnit.SECONDS);
            long connectMs = ms(System.nanoTime() - t0);
            int connected = n - refused.get();
            log("fan-out: " + connected + " subscribers connected in " + connectMs + " ms, refused " + refused.get());
            for (int h = 0; h < holds; h++) {
                String seat = seats.get(h);
                sentAt.put(seat, System.nanoTime());
                http.post("/api/events/" + eventId + "/holds", Map.of("seatIds", List.of(seat)), clerk).require("fan-out hold");
                Thread.sleep(250);
            }
            long expected = (long) connected * holds;
            loop.join(TimeUnit.SECONDS.toMillis(30));
            log(String.format(Locale.ROOT, "fan-out: delivered %d of %d, p50 %.1f ms p99 %.1f ms, failures %s",
                    delivered.sum(), expected, latency.ms(50), latency.ms(99), load.failures()));
            if (!allConnected || refused.get() > 0 || delivered.sum() < expected || !load.failures().isEmpty()) {
                problems.add("fan-out: " + connected + "/" + n + " connected, " + delivered.sum() + "/" + expected
                        + " deltas delivered, failures " + load.failures());
            }
            row(String.format(Locale.ROOT, "WebSocket fan-out: %,d subscribers (one connection each, read by the benchmark's selector loop) on a %d-seat event, %d holds 250 ms apart",
                            n, seats.size(), holds),
                    String.format(Locale.ROOT, "deltas delivered %,d of %,d; max %s ms; %d subscribers connected (with their snapshot) in %,d ms",
                            delivered.sum(), expected, f(latency.maxMs()), connected, connectMs),
                    "hold sent → delta received " + pct(latency), "—");
        }
    }

    /** One live-feed subscriber: upgrades, waits for its snapshot, then times each HELD delta of a benchmark seat. */
    private static final class FanoutSubscriber implements LoadLoop.User {
        private final LoadLoop load;
        private final String path;
        private final int expected;
        private final Map<String, Long> sentAt;
        private final Latency latency;
        private final LongAdder delivered;
        private final CountDownLatch snapshots;
        private final AtomicInteger refused;
        private boolean open;
        private boolean snapshot;
        private int received;

        FanoutSubscriber(LoadLoop load, String path, int expected, Map<String, Long> sentAt, Latency latency,
                         LongAdder delivered, CountDownLatch snapshots, AtomicInteger refused) {
            this.load = load;
            this.path = path;
            this.expected = expected;
            this.sentAt = sentAt;
            this.latency = latency;
            this.delivered = delivered;
            this.snapshots = snapshots;
            this.refused = refused;
        }

        @Override
        public byte[] next(BenchHttp.Response previous, long nanos) {
            long now = System.nanoTime();
            if (previous == null) {
                return load.upgrade(path);
            }
            if (!open) {
                if (previous.status() != 101) {
                    refused.incrementAndGet();
                    snapshots.countDown();
                    return null;
                }
                open = true;
                return LoadLoop.KEEP_READING;
            }
            if (previous.status() == 8) {
                return null; // closed by the server
            }
            if (previous.status() != 1) {
                return LoadLoop.KEEP_READING;
            }
            String text = previous.text();
            if (!snapshot && text.contains("\"type\":\"snapshot\"")) {
                snapshot = true;
                snapshots.countDown();
            } else if (text.contains("\"delta\"")) {
                // a scan, not a JSON parse: the fields of a change come in any order
                int at = text.indexOf("\"changes\"");
                while (at >= 0 && (at = text.indexOf('{', at)) >= 0) {
                    int end = text.indexOf('}', at);
                    if (end < 0) {
                        break;
                    }
                    String change = text.substring(at, end);
                    Long sent = sentAt.get(field(change, "seatId"));
                    if (sent != null && "HELD".equals(field(change, "status"))) {
                        latency.recordNanos(now - sent);
                        delivered.increment();
                        received++;
                    }
                    at = end;
                }
            }
            return received >= expected ? null : LoadLoop.KEEP_READING;
        }

        /** The string value of {@code "name":"…"} in a flat JSON object, or null. */
        private static String field(String object, String name) {
            String key = "\"" + name + "\":\"";
            int start = object.indexOf(key);
            if (start < 0) {
                return null;
            }
            start += key.length();
            int end = object.indexOf('"', start);
            return end < 0 ? null : object.substring(start, end);
        }
    }

    // ------------------------------------------------------------------------------------ helpers

    /** One operation of a closed loop: its first request, then each next one from the last answer (null: done). */
    private interface Op {
        byte[] first();

        byte[] then(BenchHttp.Response answer, long nanos);
    }

    private interface Ops {
        Op create(LoadLoop load, int user, int index);
    }

    /** Outcome of a closed-loop run. */
    private static final class Run {
        final Latency latency = new Latency();
        final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        long elapsed;
        long compilingMillis; // the JIT compilers' time during the run, summed over their threads
        ProcessCpu cpu; // what each process used during the run; null where /proc cannot tell
        int ok; // counted on the load loop's one thread

        void record(BenchHttp.Response r, long nanos) {
            if (r.ok()) {
                latency.recordNanos(nanos);
                ok++;
            } else {
                String code = r.status() + " " + r.json().path("code").asText("");
                errors.computeIfAbsent(code.trim(), k -> new LongAdder()).increment();
            }
        }

        String errorText() {
            return errors.isEmpty() ? "" : " (errors: " + errors + ")";
        }

        String cpuText(String what) {
            return cpu == null ? "" : "; CPU per " + what + ": " + cpu.perOperation(ok);
        }

        double rate() {
            return ok / seconds(elapsed);
        }
    }

    /**
     * {@code users} keep-alive connections, each taking the next operation index until {@code count}
     * operations are done or the time cap passes.
     */
    private void concurrently(int users, int count, Run run, Ops ops) throws IOException {
        int[] next = {0};
        long deadline = System.nanoTime() + sizes.cap().toNanos();
        try (LoadLoop load = new LoadLoop(server.port(), users)) {
            long compiled = compilingMillis();
            ProcessCpu.Meter cpu = ProcessCpu.meter(home);
            long start = System.nanoTime();
            load.run(user -> new LoadLoop.User() {
                Op op;

                @Override
                public byte[] next(BenchHttp.Response previous, long nanos) {
                    byte[] more = op == null ? null : op.then(previous, nanos);
                    if (more != null || next[0] >= count) {
                        return more;
                    }
                    op = ops.create(load, user, next[0]++);
                    return op.first();
                }
            }, deadline);
            run.elapsed = System.nanoTime() - start;
            run.compilingMillis = compilingMillis() - compiled;
            run.cpu = cpu.used().orElse(null);
            load.failures().forEach((what, n) -> run.errors.computeIfAbsent(what, k -> new LongAdder()).add(n));
        }
    }

    /**
     * One hold (by the clerk, on a seat the scenario does not use) before the clock starts: the first hold
     * of an event loads its state into Redis, and the scenarios measure the running system, not that.
     */
    private void prime(String eventId, String seat) throws Exception {
        http.post("/api/events/" + eventId + "/holds", Map.of("seatIds", List.of(seat)), clerk).require("priming hold");
    }

    private String createPrimedEvent(String title, List<String> arena) throws Exception {
        String id = createEvent(DemoVenues.arena(), title);
        prime(id, arena.get(arena.size() - 1));
        return id;
    }

    private String createEvent(Venue venue, String title) throws Exception {
        Map<String, Map<String, Long>> prices = new LinkedHashMap<>();
        for (Category c : venue.categories()) {
            prices.put(c.id(), Map.of("adult", 1_000L));
        }
        Instant startsAt = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        Event event = new Event(null, venue.id(), title, startsAt, "EUR", prices, null, null, null, null, false,
                null, null);
        return http.post("/api/events", event, admin).require("create event " + title).json().path("id").asText();
    }

    /** 100,000 seats: 250 rows of 400, one category. */
    static Venue bigVenue() {
        List<Seat> seats = new ArrayList<>(100_000);
        for (int r = 0; r < 250; r++) {
            String row = "R" + (r + 1);
            for (int n = 0; n < 400; n++) {
                seats.add(new Seat("B-" + row + "-" + (n + 1), "Bowl", row, n + 1, 10 + n * 12, 10 + r * 12, 10, 10,
                        "std", false, false, null));
            }
        }
        return new Venue("bench-100k", "Benchmark bowl (100,000 seats)", VenueKind.ARENA, 20 + 400 * 12,
                20 + 250 * 12, new Point(2410, 1510), List.of(new Category("std", "Standard", "#3b82f6")), seats,
                List.of(), List.of());
    }

    private void header() {
        md.append(START).append("\n\n");
        md.append(String.format(Locale.ROOT,
                "Measured %s by `./curtain bench`%s on %s (%d cores visible to the JVM, %s, %s %s, Java %s). "
                        + "One JVM holds the server, its clients and the ceiling loops, on the same cores as the embedded "
                        + "PostgreSQL and Redis; traffic only to 127.0.0.1. Other processes may share the CPU. "
                        + "Server started by `ServerBenchmark` on embedded databases in a throw-away home under /tmp, with "
                        + "`curtain.holds.max-live-per-principal=100000` (default 10) so that a few sign-ins can hold many seats.%n",
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").format(ZonedDateTime.now(ZoneOffset.UTC)),
                "quick".equals(sizes.name()) ? " --quick" : "", hostName(),
                Runtime.getRuntime().availableProcessors(), memory(), System.getProperty("os.name"),
                System.getProperty("os.version"), System.getProperty("java.runtime.version")));
        md.append("\n");
    }

    private String notes() {
        return "Before the scenarios: " + warmupNote + "; then `VACUUM ANALYZE`, again after the ceilings "
                + "and after the sales, so that autovacuum does not analyse the rows of earlier rounds in the middle of "
                + "a scenario. " + (sizes.warmup().isZero() ? "" : "After the ceilings, one more round of holds and "
                + "sales (the ceiling loops change what the JIT compiler assumed about code the scenarios share, and "
                + "it recompiled that code during the next scenario). ")
                + (sizes.runs() > 1 ? "Holds and sales run " + sizes.runs() + " times each, on fresh events, with `VACUUM "
                + "ANALYZE` between sales runs (the machine's speed drifts within minutes); their rows show the run with the median throughput, its latencies and "
                + "its ratio, with every run's throughput. " : "")
                + (sizes.rushRuns() > 1 ? "Each rush runs " + sizes.rushRuns() + " times on fresh events; its row shows "
                + "the run with the median hold p99, with every run's p99 and sell-out time. " : "")
                + "The holds and sales rows say how long the JIT compilers worked during the run, and the CPU time each "
                + "process used per operation (from /proc over the run; the JVM's includes the load generator's, PostgreSQL's "
                + "its backends'); the rush rows give it per hold attempt, the winners' confirms included. The REST "
                + "scenarios are driven from one thread over "
                + "keep-alive connections, one per user (`LoadLoop`, a selector loop like wrk's).\n\n" + """
                How to read it: latencies are per request as the client sees it (HdrHistogram, µs resolution), \
                taken on closed loops — each user sends its next request when the last one is answered, so throughput \
                is what that many users get, not an open-loop arrival rate. Ratios compare a scenario with the ceiling \
                that bounds its critical resource: holds with the bare Lua script, sales with the bare booking \
                transaction (a sale also runs a hold, a Redis mark-sold, an idempotency row and a payment row). \
                Rushes: 1 seat per user among a fixed set of the arena's seats; a conflicting user tries another \
                seat it does not know to be taken, at most 10 tries; sold-out time is from the release of all users \
                to the confirm of the last seat; users that start after the sell-out send no request (they would \
                see a full map), so there are fewer hold attempts than users; each user loads the seat map before the release (its connection is open when the sale starts, as a waiting buyer's is); sold seats and double sales come from the server \
                (`GET /api/events/{id}/seats` and `GET /api/events/{id}/integrity`). The snapshots are read from the \
                arena event the holds scenario filled and from the 100,000-seat event the Redis ceiling filled.
                """ + "\n" + END + "\n";
    }

    private void row(String scenario, String result, String latency, String ratio) {
        md.append("| ").append(scenario).append(" | ").append(result).append(" | ").append(latency).append(" | ")
                .append(ratio).append(" |\n");
    }

    private static String ratio(double rate, double ceiling, String what) {
        return ceiling <= 0 ? "—" : String.format(Locale.ROOT, "%.1f %% of the %s ceiling (%,.0f/s)",
                100 * rate / ceiling, what, ceiling);
    }

    private static String pct(Latency l) {
        return l.count() == 0 ? "n/a" : f(l.ms(50)) + " / " + f(l.ms(95)) + " / " + f(l.ms(99)) + " ms";
    }

    private static String f(double ms) {
        return Double.isNaN(ms) ? "n/a" : ms >= 100 ? String.format(Locale.ROOT, "%.0f", ms)
                : String.format(Locale.ROOT, "%.1f", ms);
    }

    private static String size(long bytes) {
        return bytes >= 1_000_000 ? String.format(Locale.ROOT, "%.1f MB", bytes / 1e6)
                : String.format(Locale.ROOT, "%.0f kB", bytes / 1e3);
    }

    private static double seconds(long nanos) {
        return Math.max(1, nanos) / 1e9;
    }

    private static long ms(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    private static void log(String message) {
        // the time of day lets a profile of the run be cut to one scenario
        System.err.println("bench: " + LocalTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS)
                + " " + message);
    }

    private static String hostName() {
        try {
            String os = Files.exists(Path.of("/etc/os-release"))
                    ? Files.readAllLines(Path.of("/etc/os-release")).stream().filter(l -> l.startsWith("PRETTY_NAME="))
                    .map(l -> l.substring(12).replace("\"", "")).findFirst().orElse("") : "";
            return os.isEmpty() ? "this machine" : os;
        } catch (IOException e) {
            return "this machine";
        }
    }

    private static String memory() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (l.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(l.replaceAll("\\D", ""));
                    return String.format(Locale.ROOT, "%.0f GiB RAM", kb / 1024.0 / 1024.0);
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall through
        }
        return "RAM unknown";
    }

    /** Replaces the text between the markers (or appends it to the "## Server" section when they are missing). */
    static void writeSection(Path doc, String section) throws IOException {
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        int a = text.indexOf(START);
        int b = text.indexOf(END);
        String updated;
        if (a >= 0 && b > a) {
            updated = text.substring(0, a) + section.strip() + text.substring(b + END.length());
        } else {
            int server = text.indexOf("\n## Server");
            if (server < 0) {
                updated = text.stripTrailing() + "\n\n## Server\n\n" + section.strip() + "\n";
            } else {
                int lineEnd = text.indexOf('\n', server + 1);
                updated = text.substring(0, lineEnd + 1) + "\n" + section.strip() + "\n" + text.substring(lineEnd + 1);
            }
        }
        Files.writeString(doc, updated, StandardCharsets.UTF_8);
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // a throw-away directory under /tmp
        }
    }
}
