package dev.curtain.server.web;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/** Waiting for futures on blocking threads, with the original exception rather than a wrapper. */
public final class Futures {

    private Futures() {
    }

    public static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            Throwable cause = unwrap(e);
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    public static Throwable unwrap(Throwable e) {
        while (e instanceof CompletionException && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    /**
     * A refusal to fail a future with, or to throw in one of its stages, on the hold path, where
     * refusals are common (an on-sale rush, a crowd before sales open). A CompletableFuture passes a
     * CompletionException on as it is but wraps anything else in a new one, whose stack trace (an
     * event loop's deep stack) cost about 5 % of the node's time in a rush; this one has none.
     */
    public static CompletionException refusal(DomainException refused) {
        return new Refusal(refused);
    }

    /** A future failed with {@link #refusal}. */
    public static <T> CompletableFuture<T> refused(DomainException refused) {
        return CompletableFuture.failedFuture(refusal(refused));
    }

    /** {@code work} for a {@code thenCompose}, its refusals thrown as it runs answered as {@link #refused}. */
    public static <A, T> Function<A, CompletableFuture<T>> refusing(Function<A, CompletableFuture<T>> work) {
        return argument -> {
            try {
                return work.apply(argument);
            } catch (DomainException refused) {
                return refused(refused);
            }
        };
    }

    private static final class Refusal extends CompletionException {
        Refusal(DomainException refused) {
            super(refused.getMessage(), refused);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
