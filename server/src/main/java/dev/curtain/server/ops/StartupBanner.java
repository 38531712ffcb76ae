package dev.curtain.server.ops;

import dev.curtain.server.demo.DemoConfiguration;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import java.lang.management.ManagementFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Tells the operator where Curtain listens and how to sign in to the demo. */
@Singleton
public class StartupBanner implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(StartupBanner.class);

    private final DemoConfiguration demo;

    public StartupBanner(DemoConfiguration demo) {
        this.demo = demo;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        String url = "http://localhost:" + event.getSource().getPort();
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        StringBuilder banner = new StringBuilder()
                .append("\n  Curtain is listening on ").append(url).append("  (started in ").append(uptime).append(" ms)")
                .append("\n  API docs: ").append(url).append("/swagger-ui   health: ").append(url).append("/health");
        if (demo.enabled() && demo.password() != null) {
            banner.append("\n  Demo sign-ins: admin, manager, clerk, kiosk  password: ")
                    .append(demo.passwordFromEnvironment() ? "(from CURTAIN_DEMO_PASSWORD)" : demo.password());
        }
        LOG.info("{}\n", banner);
    }
}
