package dev.curtain.desktop.testing;

import dev.curtain.desktop.client.CurtainClient;
import dev.curtain.model.event.Event;
import dev.curtain.server.ops.CurtainServer;
import dev.curtain.server.testing.TestData;
import dev.curtain.server.testing.TestInfrastructure;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;

/**
 * A real Curtain server for the desktop app's tests, one per test JVM, on embedded PostgreSQL and
 * Redis (or the external ones the server tests are pointed at). The app reaches it over HTTP only.
 */
public final class LiveServer {

    private static CurtainServer server;

    private LiveServer() {
    }

    public static synchronized String url() {
        if (server == null) {
            TestInfrastructure infra = TestInfrastructure.get();
            infra.wipeDatabase();
            server = CurtainServer.start(infra.settings(), Map.of("curtain.demo.enabled", false));
            TestData.staff(server);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        }
        return "http://127.0.0.1:" + server.port();
    }

    public static CurtainClient signedIn(String user) throws IOException {
        CurtainClient client = new CurtainClient(url());
        client.login(user, TestInfrastructure.DEMO_PASSWORD);
        return client;
    }

    /** A fresh performance in a fresh 4 x 10 hall (two categories, adult/child prices). */
    public static Event newPerformance() throws IOException {
        return newPerformance("Test Show", Instant.now().plus(java.time.Duration.ofDays(2)));
    }

    public static Event newPerformance(String title, Instant startsAt) throws IOException {
        CurtainClient manager = signedIn("manager");
        String venueId = "hall-" + System.nanoTime();
        manager.createVenue(TestData.hall(venueId, 4, 10));
        return manager.createEvent(TestData.event(venueId, title, startsAt));
    }
}
