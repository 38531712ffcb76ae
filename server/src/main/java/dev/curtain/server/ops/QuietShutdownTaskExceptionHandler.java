package dev.curtain.server.ops;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.inject.BeanDefinition;
import io.micronaut.scheduling.DefaultTaskExceptionHandler;
import io.micronaut.scheduling.TaskExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failures of scheduled tasks (the hold sweeper, payment recovery, the live heartbeat), logged as
 * errors, with one exception: once the server is shutting down, a task that was already starting
 * when {@link StopScheduledTasksAtShutdown} cancelled the others may find its bean, or one it
 * needs, destroyed. That is the shutdown, not a fault, so it is logged at debug.
 */
@Singleton
@Replaces(DefaultTaskExceptionHandler.class)
public class QuietShutdownTaskExceptionHandler
        implements TaskExceptionHandler<Object, Throwable>, ApplicationEventListener<ShutdownEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(QuietShutdownTaskExceptionHandler.class);

    private volatile boolean shuttingDown;

    @Override
    public void onApplicationEvent(ShutdownEvent event) {
        shuttingDown = true;
    }

    @Override
    public void handle(Object bean, Throwable error) {
        LOG.error("event=scheduled_task_failed bean={} error=\"{}\"", bean.getClass().getSimpleName(), error.toString(), error);
    }

    @Override
    public void handleCreationFailure(BeanDefinition<Object> definition, Throwable error) {
        if (shuttingDown) {
            LOG.debug("event=scheduled_task_skipped_at_shutdown bean={} error=\"{}\"",
                    definition.getBeanType().getSimpleName(), error.toString());
            return;
        }
        LOG.error("event=scheduled_task_not_created bean={} error=\"{}\"", definition.getBeanType().getSimpleName(),
                error.toString(), error);
    }
}
