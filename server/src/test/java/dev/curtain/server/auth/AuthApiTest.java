package dev.curtain.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.curtain.model.auth.Role;
import dev.curtain.model.auth.TokenResponse;
import dev.curtain.server.testing.Api;
import dev.curtain.server.testing.ServerTest;
import dev.curtain.server.testing.TestData;
import dev.curtain.server.testing.TestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthApiTest extends ServerTest {

    @Test
    void staffSignInAnswersTokensAndRoles() {
        Api.Response r = api.post("/api/auth/login", Map.of("username", "clerk", "password", TestInfrastructure.DEMO_PASSWORD), null);
        assertThat(r.status()).isEqualTo(200);
        TokenResponse tokens = r.as(TokenResponse.class);
        assertThat(tokens.tokenType()).isEqualTo("Bearer");
        assertThat(tokens.roles()).containsExactly(Role.CLERK);
        assertThat(tokens.expiresIn()).isPositive();
        assertThat(tokens.refreshToken()).isNotBlank();
        Api.Response me = api.get("/api/auth/me", tokens.accessToken());
        assertThat(me.json().path("username").asText()).isEqualTo("clerk");
    }

    @Test
    void missingTokenIsRefusedWith401Problem() {
        Api.Response r = api.get("/api/venues", null);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.code()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswer() {
        Api.Response wrongPassword = api.post("/api/auth/login", Map.of("username", "clerk", "password", "nope"), null);
        Api.Response unknownUser = api.post("/api/auth/login", Map.of("username", "nobody", "password", "nope"), null);
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownUser.status()).isEqualTo(401);
        assertThat(wrongPassword.isProblem()).isTrue();
        assertThat(wrongPassword.code()).isEqualTo("INVALID_CREDENTIALS");
        assertThat(wrongPassword.json().path("detail")).isEqualTo(unknownUser.json().path("detail"));
    }

    @Test
    void emptyCredentialsAre400() {
        Api.Response r = api.post("/api/auth/login", Map.of("username", "", "password", ""), null);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.isProblem()).isTrue();
    }

    @Test
    void clerkCannotCreateVenues() {
        Api.Response r = api.post("/api/venues", TestData.hall("clerk-hall", 2, 4), login("clerk"));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.code()).isEqualTo("FORBIDDEN");
        assertThat(api.get("/api/venues", login("manager")).json()).isEmpty();
    }

    @Test
    void expiredTokenIs401() throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject("admin")
                .claim("roles", List.of("ADMIN"))
                .issueTime(Date.from(Instant.now().minusSeconds(7200)))
                .expirationTime(Date.from(Instant.now().minusSeconds(3600)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(TestInfrastructure.JWT_SECRET.getBytes(StandardCharsets.UTF_8)));
        Api.Response r = api.get("/api/venues", jwt.serialize());
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.isProblem()).isTrue();
    }

    @Test
    void aTokenAcceptedBeforeIsRefusedOnceItExpires() throws Exception {
        // exp has whole seconds: valid for 1-2 s from now
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("admin").claim("roles", List.of("ADMIN"))
                .expirationTime(Date.from(Instant.now().plusSeconds(2))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(TestInfrastructure.JWT_SECRET.getBytes(StandardCharsets.UTF_8)));
        String token = jwt.serialize();
        assertThat(api.get("/api/venues", token).status()).isEqualTo(200);
        assertThat(api.get("/api/venues", token).status()).isEqualTo(200);
        Thread.sleep(Math.max(0, claims.getExpirationTime().getTime() - System.currentTimeMillis() + 100));
        Api.Response late = api.get("/api/venues", token);
        assertThat(late.status()).isEqualTo(401);
        assertThat(late.isProblem()).isTrue();
    }

    @Test
    void aTamperedCopyOfAnAcceptedTokenIsRefused() throws Exception {
        String token = login("clerk");
        assertThat(api.get("/api/auth/me", token).status()).isEqualTo(200);
        String[] parts = token.split("\\.");
        String otherPayload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"sub\":\"admin\",\"roles\":[\"ADMIN\"],\"exp\":4102444800}".getBytes(StandardCharsets.UTF_8));
        assertThat(api.get("/api/venues", parts[0] + "." + otherPayload + "." + parts[2]).status()).isEqualTo(401);
    }

    @Test
    void expiryClaimIsReadInEachFormTheJwtLibraryGives() {
        Instant t = Instant.parse("2030-01-01T00:00:00Z");
        assertThat(RememberingTokenFetcher.expiry(Date.from(t))).isEqualTo(t);
        assertThat(RememberingTokenFetcher.expiry(t.getEpochSecond())).isEqualTo(t);
        assertThat(RememberingTokenFetcher.expiry(t)).isEqualTo(t);
        assertThat(RememberingTokenFetcher.expiry(null)).isNull();
        assertThat(RememberingTokenFetcher.expiry("soon")).isNull();
    }

    @Test
    void tokenSignedWithAnotherSecretIs401() throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("admin").claim("roles", List.of("ADMIN"))
                .expirationTime(Date.from(Instant.now().plusSeconds(3600))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner("another-secret-another-secret-another-secret".getBytes(StandardCharsets.UTF_8)));
        assertThat(api.get("/api/venues", jwt.serialize()).status()).isEqualTo(401);
    }

    @Test
    void guestTokenReadsEventsButCannotReachStaffEndpoints() {
        Api.Response g = api.post("/api/auth/guest", "", null);
        assertThat(g.status()).isEqualTo(200);
        TokenResponse guest = g.as(TokenResponse.class);
        assertThat(guest.roles()).containsExactly(Role.CUSTOMER);
        assertThat(guest.refreshToken()).isNull();
        assertThat(api.get("/api/events", guest.accessToken()).status()).isEqualTo(200);
        assertThat(api.post("/api/venues", TestData.hall("guest-hall", 2, 4), guest.accessToken()).status()).isEqualTo(403);
        assertThat(api.post("/api/events", TestData.event("x", "x", Instant.now()), guest.accessToken()).status())
                .isEqualTo(403);
    }

    @Test
    void refreshTokenWorksExactlyOnce() {
        TokenResponse first = api.post("/api/auth/login",
                Map.of("username", "manager", "password", TestInfrastructure.DEMO_PASSWORD), null).as(TokenResponse.class);
        Api.Response refreshed = api.post("/api/auth/refresh", Map.of("refresh_token", first.refreshToken()), null);
        assertThat(refreshed.status()).isEqualTo(200);
        TokenResponse second = refreshed.as(TokenResponse.class);
        assertThat(second.roles()).containsExactly(Role.MANAGER);
        assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
        assertThat(api.get("/api/venues", second.accessToken()).status()).isEqualTo(200);

        Api.Response replay = api.post("/api/auth/refresh", Map.of("refresh_token", first.refreshToken()), null);
        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.code()).isEqualTo("INVALID_REFRESH_TOKEN");
    }

    @Test
    void signInsAreAudited() throws Exception {
        signIn("admin");
        try (var c = dev.curtain.server.testing.TestInfrastructure.get().connect();
             var rs = c.createStatement().executeQuery(
                     "select count(*) from audit_log where action = 'SIGN_IN' and actor = 'admin'")) {
            rs.next();
            assertThat(rs.getInt(1)).isPositive();
        }
    }
}
