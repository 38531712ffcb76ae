package dev.curtain.server.hold.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * One Lua script: {@code lib.lua} followed by the operation's file, called by EVALSHA; when Redis
 * does not know the script (restart, SCRIPT FLUSH), the same call is repeated with EVAL, which
 * also caches it again.
 */
public final class LuaScript {

    private static final String BASE = "/dev/curtain/server/hold/redis/";

    private final String name;
    private final String source;
    private final String sha;

    private LuaScript(String name, String source) {
        this.name = name;
        this.source = source;
        this.sha = sha1(source);
    }

    public static LuaScript load(String fileName) {
        return new LuaScript(fileName, read("lib.lua") + "\n" + read(fileName));
    }

    public String name() {
        return name;
    }

    public String sha() {
        return sha;
    }

    /** Runs the script; what follows the answer runs on the caller's event loop, see {@link CallerLoop}. */
    public CompletableFuture<List<Object>> call(RedisAsyncCommands<String, String> redis, String[] keys, String... args) {
        return CallerLoop.resumeOnCaller(evaluate(redis, keys, args));
    }

    private CompletableFuture<List<Object>> evaluate(RedisAsyncCommands<String, String> redis, String[] keys, String[] args) {
        CompletionStage<List<Object>> first = redis.evalsha(sha, ScriptOutputType.MULTI, keys, args);
        return first.toCompletableFuture().handle((result, error) -> {
            if (error == null) {
                return CompletableFuture.completedFuture(result);
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof RedisNoScriptException) {
                CompletionStage<List<Object>> again = redis.eval(source, ScriptOutputType.MULTI, keys, args);
                return again.toCompletableFuture();
            }
            return CompletableFuture.<List<Object>>failedFuture(cause);
        }).thenCompose(f -> f);
    }

    private static String read(String fileName) {
        try (InputStream in = LuaScript.class.getResourceAsStream(BASE + fileName)) {
            if (in == null) {
                throw new IllegalStateException("missing Lua script " + fileName);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
