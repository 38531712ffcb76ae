package dev.curtain.server.hold;

import jakarta.inject.Singleton;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings Redis in line after PostgreSQL committed a change (sale, refund, unblock). The change is
 * already durable, so a Redis hiccup must not fail the request: the step is retried with back-off.
 * Should the node stop before it succeeds, the integrity check shows the difference and a rebuild
 * of the event's markers repairs it.
 */
@Singleton
public class LedgerFollowUp {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerFollowUp.class);
    private static final int ATTEMPTS = 12;

    public void run(String what, Supplier<CompletableFuture<?>> step) {
        attempt(what, step, 1);
    }

    private void attempt(String what, Supplier<CompletableFuture<?>> step, int attempt) {
        CompletableFuture<?> future;
        try {
            future = step.get();
        } catch (RuntimeException e) {
            future = CompletableFuture.failedFuture(e);
        }
        future.whenComplete((ok, error) -> {
            if (error == null) {
                if (attempt > 1) {
                    LOG.info("event=ledger_follow_up_done what={} attempt={}", what, attempt);
                }
                return;
            }
            if (attempt >= ATTEMPTS) {
                LOG.error("event=ledger_follow_up_abandoned what={} error={}", what, error.toString());
                return;
            }
            long delay = Math.min(30_000, 250L << Math.min(attempt, 7));
            LOG.warn("event=ledger_follow_up_retry what={} attempt={} in_ms={} error={}", what, attempt, delay, error.toString());
            Executor later = CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS);
            later.execute(() -> attempt(what, step, attempt + 1));
        });
    }
}
