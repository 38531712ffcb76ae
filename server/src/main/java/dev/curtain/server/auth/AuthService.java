package dev.curtain.server.auth;

import dev.curtain.model.auth.Role;
import dev.curtain.model.auth.TokenResponse;
import dev.curtain.server.audit.AuditLog;
import dev.curtain.server.db.Database;
import dev.curtain.server.db.Ids;
import dev.curtain.server.web.DomainException;
import io.micronaut.http.HttpStatus;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Staff sign-in, token refresh and guest tokens. */
@Singleton
public class AuthService {

    private static final Logger LOG = LoggerFactory.getLogger(AuthService.class);
    private static final String BEARER = "Bearer";

    private final Database db;
    private final StaffAccounts accounts;
    private final RefreshTokens refreshTokens;
    private final PasswordHasher hasher;
    private final TokenGenerator tokens;
    private final AuthConfiguration config;
    private final AuditLog audit;
    private final Clock clock;

    public AuthService(Database db, StaffAccounts accounts, RefreshTokens refreshTokens, PasswordHasher hasher,
                       TokenGenerator tokens, AuthConfiguration config, AuditLog audit, Clock clock) {
        this.db = db;
        this.accounts = accounts;
        this.refreshTokens = refreshTokens;
        this.hasher = hasher;
        this.tokens = tokens;
        this.config = config;
        this.audit = audit;
        this.clock = clock;
    }

    public TokenResponse login(String username, String password) {
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            throw DomainException.invalid(username == null || username.isBlank() ? "username" : "password",
                    "Both username and password are required.");
        }
        Optional<StaffAccount> account = db.read(c -> accounts.find(c, username));
        boolean ok = account.isPresent()
                ? hasher.matches(password, account.get().passwordHash()) && account.get().active()
                : hasher.matchesNothing(password);
        if (!ok) {
            db.write(c -> {
                audit.append(c, username, "SIGN_IN_FAILED", "user:" + username, Map.of());
                return null;
            });
            LOG.info("event=sign_in_failed username={}", username);
            throw new DomainException(HttpStatus.UNAUTHORIZED, "INVALID_CREDENTIALS",
                    "Unknown username or wrong password.");
        }
        StaffAccount staff = account.get();
        return db.write(c -> {
            audit.append(c, staff.username(), "SIGN_IN", "user:" + staff.username(), Map.of("role", staff.role().name()));
            String refresh = refreshTokens.issue(c, staff.username(), refreshExpiry());
            return staffTokens(staff, refresh);
        });
    }

    public TokenResponse refresh(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) {
            throw DomainException.invalid("refresh_token", "refresh_token is required.");
        }
        return db.write(c -> {
            Optional<String> owner = refreshTokens.consume(c, refreshToken, clock.instant());
            Optional<StaffAccount> staff = owner.isEmpty() ? Optional.empty()
                    : accounts.find(c, owner.get()).filter(StaffAccount::active);
            if (staff.isEmpty()) {
                throw new DomainException(HttpStatus.UNAUTHORIZED, "INVALID_REFRESH_TOKEN",
                        "This refresh token is unknown, used or expired: sign in again.");
            }
            return staffTokens(staff.get(), refreshTokens.issue(c, staff.get().username(), refreshExpiry()));
        });
    }

    /** A short-lived customer token for online buyers, kiosk customers and simulated users. */
    public TokenResponse guest() {
        String subject = "guest-" + Ids.newId();
        List<Role> roles = List.of(Role.CUSTOMER);
        String access = accessToken(subject, roles, config.guestTokenSeconds());
        return new TokenResponse(access, null, BEARER, config.guestTokenSeconds(), roles, subject);
    }

    private TokenResponse staffTokens(StaffAccount staff, String refresh) {
        List<Role> roles = List.of(staff.role());
        String access = accessToken(staff.username(), roles, config.accessTokenSeconds());
        return new TokenResponse(access, refresh, BEARER, config.accessTokenSeconds(), roles, staff.username());
    }

    private String accessToken(String subject, List<Role> roles, int seconds) {
        Authentication authentication = Authentication.build(subject,
                roles.stream().map(Role::name).toList());
        return tokens.generateToken(authentication, seconds)
                .orElseThrow(() -> new IllegalStateException("token generator produced no token"));
    }

    private Instant refreshExpiry() {
        return clock.instant().plus(Duration.ofDays(config.refreshTokenDays()));
    }
}
