package dev.curtain.server.hold.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.DefaultEventLoop;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CallerLoopTest {

    @Test
    void theAnswerContinuesOnTheCallersLoop() throws Exception {
        DefaultEventLoop loop = new DefaultEventLoop();
        try {
            CompletableFuture<String> answer = new CompletableFuture<>();
            CompletableFuture<String> resumed = loop.submit(() -> CallerLoop.resumeOnCaller(answer)).get();
            AtomicReference<Boolean> onLoop = new AtomicReference<>();
            CompletableFuture<String> seen = resumed.whenComplete((r, e) -> onLoop.set(loop.inEventLoop()));
            answer.complete("OK");
            assertThat(seen.get(5, TimeUnit.SECONDS)).isEqualTo("OK");
            assertThat(onLoop.get()).isTrue();
        } finally {
            loop.shutdownGracefully(0, 0, TimeUnit.SECONDS);
        }
    }

    @Test
    void aLoopThatHasShutDownDoesNotStrandTheAnswer() throws Exception {
        DefaultEventLoop loop = new DefaultEventLoop();
        CompletableFuture<String> answer = new CompletableFuture<>();
        CompletableFuture<String> resumed = loop.submit(() -> CallerLoop.resumeOnCaller(answer)).get();
        loop.shutdownGracefully(0, 0, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
        answer.complete("OK");
        assertThat(resumed.get(5, TimeUnit.SECONDS)).isEqualTo("OK");
    }

    @Test
    void callersOffAnyLoopGetTheAnswerAsItIs() {
        CompletableFuture<String> answer = new CompletableFuture<>();
        assertThat(CallerLoop.resumeOnCaller(answer)).isSameAs(answer);
    }
}
