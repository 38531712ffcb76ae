package dev.curtain.server.testing;

import dev.curtain.model.auth.TokenResponse;
import dev.curtain.model.hold.Hold;
import dev.curtain.model.hold.HoldRequest;
import dev.curtain.server.ops.CurtainServer;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

/**
 * Base of API tests: one server per test class on the JVM's shared PostgreSQL and Redis, data wiped
 * before each test and the demo staff accounts created again (with a fixed password).
 */
public abstract class ServerTest {

    protected static CurtainServer server;
    protected static Api api;

    @BeforeAll
    static void startServer(TestInfo test) {
        TestInfrastructure infra = TestInfrastructure.get();
        Map<String, Object> overrides = new HashMap<>();
        overrides.put("curtain.demo.enabled", false);
        overrides.put("curtain.payments.recovery.enabled", false); // tests run recovery themselves
        overrides.putAll(serverProperties(test.getTestClass().orElseThrow()));
        server = CurtainServer.start(infra.settings(), overrides);
        api = new Api(server.port());
    }

    /**
     * The hook for further configuration: a test class may declare
     * {@code static Map<String, Object> serverProperties()} (for example to point Stripe at a stub);
     * its entries win over the defaults above.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> serverProperties(Class<?> testClass) {
        for (Class<?> c = testClass; c != null && c != ServerTest.class; c = c.getSuperclass()) {
            try {
                Method hook = c.getDeclaredMethod("serverProperties");
                hook.setAccessible(true);
                return (Map<String, Object>) hook.invoke(null);
            } catch (NoSuchMethodException e) {
                // not declared here: look further up
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("serverProperties() of " + c.getName() + " failed", e);
            }
        }
        return Map.of();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    @BeforeEach
    void cleanData() {
        TestInfrastructure.get().wipeDatabase();
        TestData.staff(server);
    }

    /** Tokens stay valid across the per-test wipe, so each class signs in once per user (PBKDF2 is slow on purpose). */
    private static final Map<String, String> TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    protected static String login(String username) {
        return TOKENS.computeIfAbsent(server.port() + "/" + username, k -> signIn(username));
    }

    protected static String signIn(String username) {
        Api.Response r = api.post("/api/auth/login",
                Map.of("username", username, "password", TestInfrastructure.DEMO_PASSWORD), null);
        if (r.status() != 200) {
            throw new AssertionError("sign-in of " + username + " failed: " + r.status() + " " + r.text());
        }
        return r.as(TokenResponse.class).accessToken();
    }

    /** Holds seats of a performance; the hold must be granted. */
    protected static Hold holdOf(String eventId, String token, String... seats) {
        Api.Response r = api.post("/api/events/" + eventId + "/holds", HoldRequest.seats(List.of(seats)), token);
        if (r.status() != 201) {
            throw new AssertionError("hold of " + List.of(seats) + " failed: " + r.status() + " " + r.text());
        }
        return r.as(Hold.class);
    }

    protected static String guest() {
        return api.post("/api/auth/guest", "", null).as(TokenResponse.class).accessToken();
    }
}
