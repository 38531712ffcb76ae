package dev.curtain.server.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Secrets that a single-node install keeps in its home folder when none is configured: created once
 * with owner-only permissions, then reused, so tokens and demo sign-ins survive a restart.
 */
public final class LocalSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private LocalSecrets() {
    }

    public static String jwtSecret(Path home) {
        return readOrCreate(home.resolve("jwt-secret"), () -> {
            byte[] bytes = new byte[48];
            RANDOM.nextBytes(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        });
    }

    public static String demoPassword(Path home) {
        return readOrCreate(home.resolve("demo-password"), LocalSecrets::newPassword);
    }

    static String newPassword() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            if (i > 0 && i % 5 == 4) {
                sb.append('-');
            } else {
                sb.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
            }
        }
        return sb.toString();
    }

    private static String readOrCreate(Path file, java.util.function.Supplier<String> generator) {
        try {
            if (Files.isRegularFile(file)) {
                String existing = Files.readString(file).trim();
                if (!existing.isEmpty()) {
                    return existing;
                }
            }
            Files.createDirectories(file.getParent());
            String value = generator.get();
            Files.writeString(file, value + "\n");
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the folder's own permissions have to do
            }
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep a secret in " + file, e);
        }
    }
}
