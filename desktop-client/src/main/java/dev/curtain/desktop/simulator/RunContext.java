package dev.curtain.desktop.simulator;

import dev.curtain.desktop.client.CurtainClient;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;

/** What the virtual users of one run share. */
final class RunContext {

    /** Thrown where a user notices that the run is ending; it carries no stack trace. */
    static final class Stopped extends Exception {
        Stopped() {
            super(null, null, false, false);
        }
    }

    final SimulationConfig config;
    final String runId;
    final Target target;
    final SimulationMetrics metrics;
    final EventLog log;
    final Tills tills;
    /** Holds granted and not yet confirmed or released, with the client of their owner: released at the end. */
    final Map<String, CurtainClient> liveHolds = new ConcurrentHashMap<>();
    /** Bookings made, for undoing the sales after the run. */
    final Queue<String> bookings = new ConcurrentLinkedQueue<>();
    private final OkHttpClient http;
    private final CountDownLatch ending;

    RunContext(SimulationConfig config, String runId, Target target, SimulationMetrics metrics, EventLog log,
               Tills tills, OkHttpClient http, CountDownLatch ending) {
        this.config = config;
        this.runId = runId;
        this.target = target;
        this.metrics = metrics;
        this.log = log;
        this.tills = tills;
        this.http = http;
        this.ending = ending;
    }

    String eventId() {
        return target.event().id();
    }

    /** A client with its own sign-in on the run's shared connections. */
    CurtainClient newClient() {
        return new CurtainClient(config.serverUrl(), http);
    }

    boolean stopping() {
        return ending.getCount() == 0;
    }

    void checkStop() throws Stopped {
        if (stopping()) {
            throw new Stopped();
        }
    }

    /** Waits (a user thinking, a back-off); the end of the run cuts it short. */
    void pause(long millis) throws Stopped {
        try {
            if (millis > 0 && ending.await(millis, TimeUnit.MILLISECONDS)) {
                throw new Stopped();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped();
        }
        checkStop();
    }

    void log(int user, LogEntry.Kind kind, String text) {
        log.add(new LogEntry(metrics.elapsedNanos() / 1_000_000, user, kind, text));
    }
}
