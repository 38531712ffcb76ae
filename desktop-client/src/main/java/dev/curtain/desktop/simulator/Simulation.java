package dev.curtain.desktop.simulator;

import dev.curtain.desktop.client.ApiException;
import dev.curtain.desktop.client.CurtainClient;
import dev.curtain.model.auth.Role;
import dev.curtain.model.auth.TokenResponse;
import dev.curtain.model.event.EventStats;
import dev.curtain.model.ops.IntegrityReport;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A concurrency simulation against one Curtain server: prepares the performance (or makes a throw-away one),
 * runs the virtual users in a closed loop (fixed concurrency) or an open loop (arrival rate), stops them at the
 * time limit or on {@link #stop()}, releases the holds they left, and asks the server for its integrity check.
 * Bounded in count (users) and time (duration, then a short grace for requests under way).
 *
 * <p>The simulator signs in once as a manager (the {@code control} client): it makes the throw-away
 * performance, reads the integrity check and, unless other buyer accounts are given, is the till buyers pay at.
 * Users are plain platform threads from a fixed pool: they spend their time waiting on HTTP.
 */
public final class Simulation {

    private static final Logger LOG = LoggerFactory.getLogger(Simulation.class);
    /** After the time limit, requests under way get this long to finish before their threads are interrupted. */
    private static final Duration GRACE = Duration.ofSeconds(15);
    /** A user who starts this much after arriving found every slot busy. */
    private static final long LATE_START_NANOS = 100_000_000L;
    private static final int LOG_CAPACITY = 10_000;

    private final SimulationConfig config;
    private final CurtainClient control;
    private final SimulationListener listener;
    private final Clock clock;
    private final String runId;
    private final SimulationMetrics metrics;
    private final EventLog log = new EventLog(LOG_CAPACITY);
    private final CountDownLatch ending = new CountDownLatch(1);
    private final CompletableFuture<SimulationReport> result = new CompletableFuture<>();
    private volatile SimulationSnapshot.Phase phase = SimulationSnapshot.Phase.PREPARING;
    private volatile boolean stopRequested;
    private volatile SimulationReport.EndedBy endedBy;
    private long startNanos;
    private Thread runner;

    /** @param control a client signed in as a manager or admin on {@code config.serverUrl()} */
    public Simulation(SimulationConfig config, CurtainClient control, SimulationListener listener, Clock clock) {
        this.config = config;
        this.control = control;
        this.listener = listener == null ? SimulationListener.NONE : listener;
        this.clock = clock;
        this.runId = Long.toString(clock.millis(), 36) + Integer.toString(Math.floorMod(config.seed(), 1296), 36);
        this.metrics = new SimulationMetrics(config, System::nanoTime);
    }

    public SimulationConfig config() {
        return config;
    }

    public synchronized Simulation start() {
        if (runner != null) {
            throw new IllegalStateException("a simulation runs once");
        }
        runner = new Thread(this::execute, "curtain-sim-run");
        runner.setDaemon(true);
        runner.start();
        return this;
    }

    /** Ends the run early: users stop at their next step, their holds are released, the check still runs. */
    public void stop() {
        stopRequested = true;
        ending.countDown();
    }

    public CompletableFuture<SimulationReport> result() {
        return result;
    }

    /** The report; a run that could not be made throws what stopped it (IOException, or IllegalStateException). */
    public SimulationReport await() throws InterruptedException, IOException {
        try {
            return result.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException refused) {
                throw refused;
            }
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    public boolean isRunning() {
        return runner != null && !result.isDone();
    }

    public SimulationSnapshot snapshot() {
        return metrics.snapshot(phase, log.dropped());
    }

    /** Moves up to {@code max} of the oldest event-log lines into {@code into}. */
    public int drainLog(Collection<? super LogEntry> into, int max) {
        return log.drainTo(into, max);
    }

    // ---- the run ----

    private void execute() {
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(daemon("curtain-sim-progress"));
        OkHttpClient http = new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(Math.max(16, config.concurrency()), 1, TimeUnit.MINUTES))
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(15))
                .callTimeout(Duration.ofSeconds(20))
                .build();
        try {
            requireManager();
            Target target = config.throwAwayPerformance()
                    ? Target.throwAway(control, config.seats(), runId, clock)
                    : Target.existing(control, config.eventId(), config.seats());
            if (target.offered().isEmpty()) {
                throw new IllegalStateException("No seat of \"" + target.event().title() + "\" is available.");
            }
            int maxPerHold = target.event().maxSeatsPerHold() == null ? Integer.MAX_VALUE : target.event().maxSeatsPerHold();
            if (config.seatsPerUser() > maxPerHold) {
                throw new IllegalStateException("\"" + target.event().title() + "\" allows at most " + maxPerHold
                        + " seats per hold; ask for fewer seats per user.");
            }
            RunContext run = new RunContext(config, runId, target, metrics, log, tills(http), http, ending);
            info(run, (target.throwAway() ? "Made throw-away performance \"" : "Aiming at \"") + target.event().title()
                    + "\" (" + target.event().id() + "), " + target.offered().size() + " seats on offer");
            call(l -> l.prepared(target.event(), target.venue(), target.offered()));
            Instant startedAt = clock.instant();
            startNanos = System.nanoTime();
            metrics.started(startNanos);
            phase = SimulationSnapshot.Phase.RUNNING;
            ticker.scheduleAtFixedRate(() -> call(l -> l.progress(snapshot())), 250, 250, TimeUnit.MILLISECONDS);
            LOG.info("event=simulation_started run={} server={} event={} config=\"{}\"", runId, config.serverUrl(),
                    target.event().id(), config.summary());
            info(run, "Users start: " + config.summary());
            if (config.mode() == LoadMode.CLOSED) {
                runClosed(run);
            } else {
                runOpen(run);
            }
            phase = SimulationSnapshot.Phase.STOPPING;
            info(run, "Users done (" + endedBy.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")");
            releaseLeftovers(run);
            phase = SimulationSnapshot.Phase.CHECKING;
            Checked checked = check(run);
            phase = SimulationSnapshot.Phase.DONE;
            ticker.shutdownNow();
            SimulationReport report = new SimulationReport(config.serverUrl(), target.event().id(), target.event().title(),
                    target.throwAway(), target.offered().size(), target.offered(), endedBy, startedAt, clock.instant(), config, snapshot(),
                    checked.stats(), checked.integrity(), checked.problem(), checked.undone());
            LOG.info("event=simulation_finished run={} passed={} sales={} errors={}", runId, report.passed(),
                    report.figures().sales(), report.figures().errors());
            SimulationReport done = report;
            call(l -> l.progress(done.figures()));
            call(l -> l.finished(done));
            result.complete(done);
        } catch (Throwable e) {
            phase = SimulationSnapshot.Phase.DONE;
            LOG.warn("event=simulation_failed run={} error={}", runId, e.toString());
            call(l -> l.failed(e));
            result.completeExceptionally(e);
        } finally {
            ending.countDown();
            ticker.shutdownNow();
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    /** A run that cannot be checked is not worth its sales: the integrity check needs a manager or an admin. */
    private void requireManager() {
        List<Role> roles = control.tokens().map(TokenResponse::roles).orElse(List.of());
        if (!roles.contains(Role.MANAGER) && !roles.contains(Role.ADMIN)) {
            throw new IllegalStateException("The simulator signs in as a manager or an admin: it makes throw-away "
                    + "performances and reads the server's integrity check.");
        }
    }

    private Tills tills(OkHttpClient http) throws IOException {
        List<Tills.Till> tills = new ArrayList<>();
        if (config.buyers().isEmpty()) {
            tills.add(new Tills.Till("(the simulator's own sign-in)", control));
        }
        for (Credentials buyer : config.buyers()) {
            CurtainClient client = new CurtainClient(config.serverUrl(), http);
            client.login(buyer.username(), buyer.password());
            tills.add(new Tills.Till(buyer.username(), client));
        }
        return new Tills(tills, config.holdsPerBuyer());
    }

    private void runClosed(RunContext run) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(config.concurrency(), daemon("curtain-sim-user"));
        AtomicInteger next = new AtomicInteger();
        CountDownLatch workers = new CountDownLatch(config.concurrency());
        for (int w = 0; w < config.concurrency(); w++) {
            pool.execute(() -> {
                try {
                    for (int i = next.getAndIncrement(); i < config.users() && !run.stopping(); i = next.getAndIncrement()) {
                        new VirtualUser(run, i + 1).run();
                    }
                } finally {
                    workers.countDown();
                }
            });
        }
        pool.shutdown();
        finish(pool, workers);
    }

    private void runOpen(RunContext run) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(config.concurrency(), daemon("curtain-sim-user"));
        long period = (long) (1e9 / config.arrivalsPerSecond());
        long deadline = startNanos + config.duration().toNanos();
        CountDownLatch users = new CountDownLatch(config.users());
        int arrived = 0;
        while (arrived < config.users() && !run.stopping()) {
            long due = startNanos + arrived * period;
            if (due >= deadline) {
                break;
            }
            long wait = due - System.nanoTime();
            if (wait > 0 && ending.await(wait, TimeUnit.NANOSECONDS)) {
                break;
            }
            long at = System.nanoTime();
            int id = ++arrived;
            metrics.arrival(at);
            pool.execute(() -> {
                try {
                    if (!run.stopping()) {
                        if (System.nanoTime() - at > LATE_START_NANOS) {
                            metrics.lateStarts.increment();
                        }
                        new VirtualUser(run, id).run();
                    }
                } finally {
                    users.countDown();
                }
            });
        }
        for (int missing = config.users() - arrived; missing > 0; missing--) {
            users.countDown();
        }
        pool.shutdown();
        finish(pool, users);
        if (arrived < config.users() && endedBy == SimulationReport.EndedBy.ALL_USERS_DONE) {
            endedBy = SimulationReport.EndedBy.TIME_LIMIT; // arrivals were cut at the time limit
        }
    }

    /** Waits for the users until the time limit or a stop, then gives requests under way a grace period. */
    private void finish(ExecutorService pool, CountDownLatch done) throws InterruptedException {
        long deadline = startNanos + config.duration().toNanos();
        while (!done.await(Math.min(100_000_000L, Math.max(0, deadline - System.nanoTime())), TimeUnit.NANOSECONDS)) {
            if (stopRequested || System.nanoTime() >= deadline) {
                break;
            }
        }
        if (done.getCount() == 0 && !stopRequested) {
            endedBy = SimulationReport.EndedBy.ALL_USERS_DONE;
        } else {
            endedBy = stopRequested ? SimulationReport.EndedBy.STOPPED : SimulationReport.EndedBy.TIME_LIMIT;
        }
        ending.countDown();
        if (!done.await(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
            LOG.warn("event=simulation_users_interrupted run={} left={}", runId, done.getCount());
            pool.shutdownNow();
            pool.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    /** Holds that users walked away from, or held when the run ended: released now rather than left to expire. */
    private void releaseLeftovers(RunContext run) throws InterruptedException {
        List<java.util.Map.Entry<String, CurtainClient>> left = new ArrayList<>(run.liveHolds.entrySet());
        if (left.isEmpty()) {
            return;
        }
        AtomicInteger released = new AtomicInteger();
        inParallel(left, e -> {
            try {
                e.getValue().release(e.getKey());
                released.incrementAndGet();
            } catch (IOException gone) {
                // expired meanwhile, or the server is away: it expires by itself
            }
            run.liveHolds.remove(e.getKey());
        });
        info(run, "Released " + released.get() + " of " + left.size() + " holds left at the end (the rest expire by themselves)");
    }

    private record Checked(EventStats stats, IntegrityReport integrity, String problem, int undone) {
    }

    private Checked check(RunContext run) throws InterruptedException {
        String eventId = run.eventId();
        IntegrityReport integrity = null;
        String problem = null;
        EventStats stats = null;
        try {
            integrity = control.integrity(eventId);
            stats = control.stats(eventId);
            info(run, "Integrity check: " + (integrity.ok() ? "OK" : "FAILED"));
        } catch (ApiException e) {
            problem = e.problem().code() + ": " + e.problem().detail();
            info(run, "Integrity check not made: " + problem);
        } catch (IOException e) {
            problem = e.getMessage();
            info(run, "Integrity check not made: " + problem);
        }
        return new Checked(stats, integrity, problem, config.undoSales() ? undo(run) : 0);
    }

    private int undo(RunContext run) throws InterruptedException {
        List<String> bookings = new ArrayList<>(run.bookings);
        AtomicInteger undone = new AtomicInteger();
        inParallel(bookings, id -> {
            try {
                control.refund(id, null, "concurrency simulation " + runId + " undone");
                undone.incrementAndGet();
            } catch (IOException e) {
                LOG.warn("event=simulation_undo_failed run={} booking={} error={}", runId, id, e.toString());
            }
        });
        info(run, "Refunded " + undone.get() + " of " + bookings.size() + " simulated sales");
        return undone.get();
    }

    private static <T> void inParallel(List<T> items, Consumer<T> action) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(8, Math.max(1, items.size())), daemon("curtain-sim-cleanup"));
        items.forEach(item -> pool.execute(() -> action.accept(item)));
        pool.shutdown();
        if (!pool.awaitTermination(60, TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
    }

    private void info(RunContext run, String text) {
        run.log(-1, LogEntry.Kind.INFO, text);
    }

    private void call(Consumer<SimulationListener> call) {
        try {
            call.accept(listener);
        } catch (RuntimeException e) {
            LOG.warn("event=simulation_listener_failed error={}", e.toString());
        }
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
