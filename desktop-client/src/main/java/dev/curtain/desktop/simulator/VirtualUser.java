package dev.curtain.desktop.simulator;

import dev.curtain.desktop.client.ApiException;
import dev.curtain.desktop.client.CurtainClient;
import dev.curtain.desktop.client.ServerUnreachableException;
import dev.curtain.model.booking.Booking;
import dev.curtain.model.booking.BookingRequest;
import dev.curtain.model.booking.PaymentRequest;
import dev.curtain.model.hold.BestRequest;
import dev.curtain.model.hold.Hold;
import dev.curtain.model.hold.HoldRequest;
import dev.curtain.model.live.SeatSnapshot;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * One simulated buyer: signs in as a guest, may think, looks at the seat map, picks seats by the run's
 * strategy, holds them (retrying on conflict with a fresh look at the map), may grow the hold, and then pays
 * or abandons. Buyers hold and pay at a till (see {@link Tills}); users who will abandon hold as themselves.
 */
final class VirtualUser {

    private static final Set<String> CONFLICTS = Set.of("SEATS_UNAVAILABLE", "NO_BLOCK_AVAILABLE");
    private static final Set<String> HOLD_GONE = Set.of("HOLD_EXPIRED", "HOLD_NOT_FOUND");

    @FunctionalInterface
    private interface Call<T> {
        T call() throws IOException;
    }

    private final RunContext run;
    private final int id;
    private final SplittableRandom random;
    private final SimulationMetrics metrics;
    private final Set<String> taken = new HashSet<>();
    private CurtainClient guest;
    private long lastNanos;

    VirtualUser(RunContext run, int id) {
        this.run = run;
        this.id = id;
        this.random = new SplittableRandom(run.config.seed() * 31 + id);
        this.metrics = run.metrics;
    }

    void run() {
        metrics.usersStarted.increment();
        metrics.active.incrementAndGet();
        try {
            journey();
        } catch (RunContext.Stopped stopped) {
            metrics.stopped.increment();
        } catch (ApiException e) {
            failed(e.problem().code(), e.problem().detail());
        } catch (IOException e) {
            if (run.stopping()) {
                metrics.stopped.increment();
            } else {
                failed(e instanceof ServerUnreachableException ? "UNREACHABLE" : "IO", e.getMessage());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            metrics.stopped.increment();
        } catch (RuntimeException e) {
            failed(e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
        } finally {
            metrics.active.decrementAndGet();
            metrics.usersFinished.increment();
        }
    }

    private void failed(String code, String detail) {
        metrics.error(code);
        run.log(id, LogEntry.Kind.ERROR, code + ": " + detail);
    }

    private void journey() throws IOException, RunContext.Stopped, InterruptedException {
        boolean realistic = run.config.strategy() == Strategy.REALISTIC;
        Realism realism = run.config.realism();
        guest = run.newClient();
        timed(Operation.GUEST, guest::guest);
        if (realistic) {
            think();
        }
        lookAtTheMap();
        boolean buys = !realistic || random.nextDouble() >= realism.abandonRate();
        int wanted = realistic ? 1 + random.nextInt(run.config.seatsPerUser()) : run.config.seatsPerUser();
        Tills.Till till = buys ? run.tills.take(run) : null;
        if (buys && till == null) {
            throw new RunContext.Stopped();
        }
        try {
            CurtainClient holder = buys ? till.client() : guest;
            Hold hold = acquire(holder, wanted);
            if (hold == null) {
                return;
            }
            if (realistic && random.nextDouble() < realism.growRate()) {
                hold = grow(holder, hold);
            }
            if (realistic) {
                think();
            }
            if (buys) {
                pay(holder, hold);
            } else {
                abandon(holder, hold);
            }
        } finally {
            if (till != null) {
                run.tills.give(till);
            }
        }
    }

    // ---- steps ----

    private void lookAtTheMap() throws IOException, RunContext.Stopped {
        run.checkStop();
        SeatSnapshot now = timed(Operation.SEAT_MAP, () -> guest.seats(run.eventId()));
        taken.clear();
        taken.addAll(now.held());
        taken.addAll(now.sold());
        taken.addAll(now.blocked());
    }

    /** The hold, or null when the user found nothing or gave up (counted here). */
    private Hold acquire(CurtainClient holder, int wanted) throws IOException, RunContext.Stopped {
        for (int attempt = 0; ; attempt++) {
            run.checkStop();
            HoldRequest request = choose(wanted);
            if (request == null) {
                metrics.soldOut.increment();
                run.log(id, LogEntry.Kind.INFO, "found nothing left on offer");
                return null;
            }
            metrics.attempt();
            try {
                Hold hold = timed(Operation.HOLD, () -> holder.hold(run.eventId(), request));
                metrics.held();
                run.liveHolds.put(hold.holdId(), holder);
                run.log(id, LogEntry.Kind.HOLD, "held " + String.join(", ", hold.seatIds()) + " (" + lastMillis() + ")");
                return hold;
            } catch (ApiException e) {
                if (!CONFLICTS.contains(e.problem().code())) {
                    throw e;
                }
                metrics.conflict();
                List<String> gone = e.problem().unavailable() == null ? List.of() : e.problem().unavailable();
                taken.addAll(gone);
                run.log(id, LogEntry.Kind.CONFLICT, gone.isEmpty() ? "no block of " + wanted + " left together"
                        : "conflict: " + String.join(", ", gone) + " taken");
                if (attempt >= run.config.maxRetries()) {
                    metrics.gaveUp.increment();
                    return null;
                }
                metrics.retries.increment();
                if ("NO_BLOCK_AVAILABLE".equals(e.problem().code()) && wanted > 1) {
                    wanted--;
                }
                long backoff = run.config.retryBackoff().toMillis();
                run.pause(backoff + (backoff == 0 ? 0 : random.nextLong(backoff + 1)));
                lookAtTheMap();
            }
        }
    }

    /** Takes one more seat on offer; a conflict leaves the hold as it was. */
    private Hold grow(CurtainClient holder, Hold hold) throws IOException, RunContext.Stopped {
        run.checkStop();
        taken.addAll(hold.seatIds());
        List<String> more = randomOpen(1);
        if (more.isEmpty()) {
            return hold;
        }
        try {
            Hold grown = timed(Operation.GROW, () -> holder.addSeats(hold.holdId(), more));
            run.log(id, LogEntry.Kind.HOLD, "added " + more.get(0) + " to the hold");
            return grown;
        } catch (ApiException e) {
            if (!CONFLICTS.contains(e.problem().code())) {
                throw e;
            }
            metrics.conflict();
            run.log(id, LogEntry.Kind.CONFLICT, "could not add " + more.get(0) + ": taken");
            return hold;
        }
    }

    private void pay(CurtainClient till, Hold hold) throws IOException, RunContext.Stopped {
        run.checkStop();
        BookingRequest request = new BookingRequest(hold.holdId(), null,
                PaymentRequest.card("SIM-" + run.runId + "-" + id), null);
        String key = "sim-" + run.runId + "-" + id + "-" + hold.holdId();
        try {
            Booking booking = timed(Operation.CONFIRM, () -> till.confirm(request, key));
            run.liveHolds.remove(hold.holdId());
            run.bookings.add(booking.id());
            metrics.sold(hold.seatIds().size());
            run.log(id, LogEntry.Kind.SALE, "bought " + hold.seatIds().size() + " seat(s), booking " + booking.code()
                    + " (" + lastMillis() + ")");
        } catch (ApiException e) {
            if (!HOLD_GONE.contains(e.problem().code())) {
                throw e;
            }
            run.liveHolds.remove(hold.holdId());
            metrics.expired.increment();
            run.log(id, LogEntry.Kind.ABANDON, "the hold expired before payment");
        }
    }

    private void abandon(CurtainClient holder, Hold hold) throws IOException {
        metrics.abandoned.increment();
        if (random.nextDouble() < run.config.realism().walkAwayShare()) {
            run.log(id, LogEntry.Kind.ABANDON, "walked away from " + hold.seatIds().size() + " seat(s), leaving the hold to expire");
            return;
        }
        timed(Operation.RELEASE, () -> {
            holder.release(hold.holdId());
            return null;
        });
        run.liveHolds.remove(hold.holdId());
        run.log(id, LogEntry.Kind.ABANDON, "released " + hold.seatIds().size() + " seat(s)");
    }

    private void think() throws RunContext.Stopped {
        long mean = run.config.realism().think().toMillis();
        if (mean > 0) {
            double exponential = -mean * Math.log(1 - random.nextDouble());
            run.pause((long) Math.min(5.0 * mean, exponential));
        }
    }

    // ---- choosing seats ----

    private HoldRequest choose(int wanted) {
        List<String> first = firstOpen(1);
        if (first.isEmpty()) {
            return null;
        }
        return switch (run.config.strategy()) {
            case RUSH -> HoldRequest.seats(firstOpen(wanted));
            case RANDOM -> HoldRequest.seats(randomOpen(wanted));
            case BEST -> HoldRequest.best(BestRequest.of(wanted));
            case REALISTIC -> random.nextBoolean() ? HoldRequest.best(BestRequest.of(wanted)) : HoldRequest.seats(randomOpen(wanted));
        };
    }

    /** The best seats on offer not known to be taken: where everyone in a rush reaches. */
    private List<String> firstOpen(int n) {
        List<String> out = new ArrayList<>(n);
        for (String seat : run.target.offered()) {
            if (!taken.contains(seat)) {
                out.add(seat);
                if (out.size() == n) {
                    break;
                }
            }
        }
        return out;
    }

    private List<String> randomOpen(int n) {
        List<String> offered = run.target.offered();
        Set<String> chosen = new LinkedHashSet<>();
        for (int tries = 0; chosen.size() < n && tries < 20 * n; tries++) {
            String seat = offered.get(random.nextInt(offered.size()));
            if (!taken.contains(seat)) {
                chosen.add(seat);
            }
        }
        int start = random.nextInt(offered.size());
        for (int i = 0; chosen.size() < n && i < offered.size(); i++) {
            String seat = offered.get((start + i) % offered.size());
            if (!taken.contains(seat)) {
                chosen.add(seat);
            }
        }
        return new ArrayList<>(chosen);
    }

    // ---- plumbing ----

    /** Times a request, answered or refused alike (a refusal is an answer too). */
    private <T> T timed(Operation op, Call<T> call) throws IOException {
        long start = System.nanoTime();
        try {
            return call.call();
        } finally {
            lastNanos = System.nanoTime() - start;
            metrics.latency(op, lastNanos);
        }
    }

    private String lastMillis() {
        return String.format(java.util.Locale.ROOT, "%.1f ms", lastNanos / 1e6);
    }
}
