package dev.curtain.server.ops;

import io.micronaut.context.BeanContext;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.processor.ScheduledMethodProcessor;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Cancels the scheduled tasks (hold sweeps every 250 ms, payment recovery, live heartbeats) as
 * soon as the server starts shutting down. Micronaut would cancel them only when it destroys its
 * scheduler, after the beans they use: a sweep in between made those beans again, Redis
 * connection included, and that connection then outlived the server (its watchdog tried to
 * reconnect to a Redis that was gone). A run already under way is waited for (a few seconds at
 * most), so that it finishes before the beans it uses close: a sweep caught mid-way by the Redis
 * connection closing logged a failure.
 */
@Singleton
public class StopScheduledTasksAtShutdown implements ApplicationEventListener<ShutdownEvent> {

    private final BeanContext context;

    public StopScheduledTasksAtShutdown(BeanContext context) {
        this.context = context;
    }

    @Override
    public void onApplicationEvent(ShutdownEvent event) {
        context.findBean(ScheduledMethodProcessor.class).ifPresent(ScheduledMethodProcessor::close);
        context.findBean(ExecutorService.class, Qualifiers.byName(TaskExecutors.SCHEDULED)).ifPresent(scheduler -> {
            scheduler.shutdown();
            try {
                scheduler.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
