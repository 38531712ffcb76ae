package dev.curtain.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Opaque refresh tokens: random strings handed out once, stored only as SHA-256, rotated on every
 * use so a stolen token works at most once.
 */
@jakarta.inject.Singleton
public class RefreshTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    public String issue(Connection c, String username, Instant expiresAt) throws SQLException {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        try (PreparedStatement ps = c.prepareStatement(
                "insert into refresh_tokens (token_hash, username, expires_at) values (?, ?, ?)")) {
            ps.setString(1, sha256(token));
            ps.setString(2, username);
            ps.setTimestamp(3, Timestamp.from(expiresAt));
            ps.executeUpdate();
        }
        return token;
    }

    /** Revokes the token and answers its owner, if the token was live at {@code now}. */
    public Optional<String> consume(Connection c, String token, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                update refresh_tokens set revoked_at = ?
                where token_hash = ? and revoked_at is null and expires_at > ?
                returning username
                """)) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setString(2, sha256(token));
            ps.setTimestamp(3, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
