package dev.curtain.server.testing;

import dev.curtain.model.auth.TokenResponse;
import dev.curtain.server.ops.CurtainServer;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of API tests: one server per test class on the JVM's shared PostgreSQL and Redis, data wiped
 * before each test and the demo staff accounts created again (with a fixed password).
 */
public abstract class ServerTest {

    protected static CurtainServer server;
    protected static Api api;

    @BeforeAll
    static void startServer() {
        TestInfrastructure infra = TestInfrastructure.get();
        Map<String, Object> overrides = new HashMap<>();
        overrides.put("curtain.demo.enabled", false);
        server = CurtainServer.start(infra.settings(), overrides);
        api = new Api(server.port());
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

    protected static String guest() {
        return api.post("/api/auth/guest", "", null).as(TokenResponse.class).accessToken();
    }
}
