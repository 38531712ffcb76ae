package dev.curtain.server.web;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

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
     * A refusal to fail a future with, or to throw in one of its stages, on a path where refusals
     * are common (a hold in an on-sale rush). A CompletableFuture passes a CompletionException on as
     * it is but wraps anything else in a new one, whose stack trace (an event loop's deep stack)
     * cost about 5 % of the node's time in a rush; this one has none.
     */
    public static CompletionException refusal(DomainException refused) {
        return new Refusal(refused);
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
