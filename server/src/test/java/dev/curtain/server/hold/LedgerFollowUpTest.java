package dev.curtain.server.hold;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** A Redis step after a committed change is retried until it succeeds, and not after. */
class LedgerFollowUpTest {

    private final LedgerFollowUp followUp = new LedgerFollowUp();

    @Test
    void failingStepsAreRetriedUntilTheySucceed() {
        AtomicInteger attempts = new AtomicInteger();
        followUp.run("mark sold", () -> attempts.incrementAndGet() < 3
                ? CompletableFuture.failedFuture(new IllegalStateException("Redis away"))
                : CompletableFuture.completedFuture(null));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> attempts.get() == 3);
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> attempts.get() == 3);
    }

    @Test
    void aStepThatThrowsInsteadOfFailingIsRetriedToo() {
        AtomicInteger attempts = new AtomicInteger();
        followUp.run("release", () -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("not connected");
            }
            return CompletableFuture.completedFuture(null);
        });
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> attempts.get() == 2);
        assertThat(attempts.get()).isEqualTo(2);
    }
}
