package dev.curtain.server.ops;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What the launcher reads from the environment before the application context exists: where the
 * databases are (or that they must be started embedded), where local state lives, and secrets.
 */
public record LaunchSettings(
        Path home,
        Optional<String> databaseUrl,
        Optional<String> databaseUser,
        Optional<String> databasePassword,
        Optional<String> redisUri,
        Optional<String> port,
        Optional<String> jwtSecret,
        Optional<String> demoPassword,
        boolean resetDemo) {

    public static LaunchSettings from(Map<String, String> env, Map<String, String> systemProperties, String[] args) {
        Path home = value(env, "CURTAIN_HOME")
                .map(Path::of)
                .orElse(Path.of(systemProperties.getOrDefault("user.home", "."), ".curtain"));
        return new LaunchSettings(
                home,
                value(env, "CURTAIN_DATABASE_URL")
                        .or(() -> value(env, "DATASOURCES_DEFAULT_URL"))
                        .or(() -> value(systemProperties, "datasources.default.url")),
                value(env, "CURTAIN_DATABASE_USER")
                        .or(() -> value(env, "DATASOURCES_DEFAULT_USERNAME"))
                        .or(() -> value(systemProperties, "datasources.default.username")),
                value(env, "CURTAIN_DATABASE_PASSWORD")
                        .or(() -> value(env, "DATASOURCES_DEFAULT_PASSWORD"))
                        .or(() -> value(systemProperties, "datasources.default.password")),
                value(env, "CURTAIN_REDIS_URI")
                        .or(() -> value(env, "REDIS_URI"))
                        .or(() -> value(systemProperties, "redis.uri")),
                value(env, "MICRONAUT_SERVER_PORT").or(() -> value(env, "CURTAIN_PORT")),
                value(env, "CURTAIN_JWT_SECRET"),
                value(env, "CURTAIN_DEMO_PASSWORD"),
                java.util.Arrays.asList(args).contains("--reset-demo"));
    }

    private static Optional<String> value(Map<String, String> source, String name) {
        return Optional.ofNullable(source.get(name)).map(String::trim).filter(v -> !v.isEmpty());
    }
}
