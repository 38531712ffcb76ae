package dev.curtain.server;

import dev.curtain.server.ops.CurtainServer;
import dev.curtain.server.ops.LaunchSettings;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

@OpenAPIDefinition(
        info = @Info(title = "Curtain", version = "0.1",
                description = "Seat reservation that never sells a seat twice: holds, bookings and live seat maps."),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public final class Application {

    private static final Logger LOG = LoggerFactory.getLogger(Application.class);

    private Application() {
    }

    public static void main(String[] args) throws InterruptedException {
        @SuppressWarnings({"unchecked", "rawtypes"})
        Map<String, String> sysProps = (Map) System.getProperties();
        LaunchSettings settings = LaunchSettings.from(System.getenv(), sysProps, args);
        CurtainServer server;
        try {
            server = CurtainServer.start(settings, Map.of(), args);
        } catch (RuntimeException e) {
            LOG.error("event=startup_failed error={}", e.toString(), e);
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "curtain-shutdown"));
        stopped.await();
    }
}
