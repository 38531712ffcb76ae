package dev.curtain.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class FuturesTest {

    private static final DomainException REFUSED = DomainException.conflict("SEATS_UNAVAILABLE", "taken");

    @Test
    void aRefusalGoesThroughLaterStagesAsItIsWithoutAStackTrace() {
        CompletionException refusal = Futures.refusal(REFUSED);
        CompletableFuture<Object> failed = CompletableFuture.completedFuture("event")
                .thenCompose(e -> CompletableFuture.failedFuture(refusal))
                .thenApply(x -> x);
        Throwable thrown = catchThrowable(failed::join);
        assertThat(thrown).isSameAs(refusal);
        assertThat(thrown.getStackTrace()).isEmpty();
        assertThat(Futures.unwrap(thrown)).isSameAs(REFUSED);
        assertThat(catchThrowable(() -> Futures.join(failed))).isSameAs(REFUSED);
    }

    @Test
    void aRefusalThrownInAStageIsNotWrappedAgain() {
        CompletionException refusal = Futures.refusal(REFUSED);
        CompletableFuture<Object> failed = CompletableFuture.completedFuture("answer").thenApply(r -> {
            throw refusal;
        });
        assertThat(catchThrowable(failed::join)).isSameAs(refusal);
        // anything else is wrapped, with the stack trace a refusal spares
        CompletableFuture<Object> wrapped = CompletableFuture.completedFuture("answer").thenApply(r -> {
            throw REFUSED;
        });
        Throwable thrown = catchThrowable(wrapped::join);
        assertThat(thrown).isNotSameAs(REFUSED).isInstanceOf(CompletionException.class);
        assertThat(thrown.getStackTrace()).isNotEmpty();
    }

    @Test
    void aRefusalThrownByComposedWorkFailsItsFutureWithoutAStackTraceAndOtherErrorsPassThrough() {
        CompletableFuture<Object> refused = CompletableFuture.completedFuture("event")
                .thenCompose(Futures.<String, Object>refusing(e -> {
                    throw REFUSED;
                }));
        Throwable thrown = catchThrowable(refused::join);
        assertThat(thrown.getStackTrace()).isEmpty();
        assertThat(Futures.unwrap(thrown)).isSameAs(REFUSED);

        IllegalStateException bug = new IllegalStateException("bug");
        CompletableFuture<Object> failed = CompletableFuture.completedFuture("event")
                .thenCompose(Futures.<String, Object>refusing(e -> {
                    throw bug;
                }));
        assertThat(Futures.unwrap(catchThrowable(failed::join))).isSameAs(bug);
    }
}
