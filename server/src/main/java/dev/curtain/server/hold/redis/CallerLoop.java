package dev.curtain.server.hold.redis;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.internal.ThreadExecutorMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;

/**
 * Lettuce completes every command on its single I/O thread. Whatever a request does after its
 * Redis answer (building the response, encoding it, writing it) must go back to the HTTP event
 * loop that took the request, or that one Lettuce thread does half the server's work and caps
 * throughput (measured: 67 % of all samples ran there before this). Callers that are not on an
 * event loop (blocking executors that join) are left as they are.
 */
final class CallerLoop {

    private CallerLoop() {
    }

    static <T> CompletableFuture<T> resumeOnCaller(CompletableFuture<T> future) {
        EventExecutor caller = ThreadExecutorMap.currentExecutor();
        if (caller == null || future.isDone()) {
            return future;
        }
        // A loop that is shutting down refuses the task: the answer then continues where it arrived.
        return future.whenCompleteAsync((result, error) -> { }, task -> {
            try {
                caller.execute(task);
            } catch (RejectedExecutionException e) {
                task.run();
            }
        });
    }
}
