package dev.curtain.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void hashVerifiesOnlyTheSamePassword() {
        String hash = hasher.hash("correct horse");
        assertThat(hash).startsWith("pbkdf2-sha256$" + PasswordHasher.ITERATIONS + "$");
        assertThat(hasher.matches("correct horse", hash)).isTrue();
        assertThat(hasher.matches("correct horsE", hash)).isFalse();
    }

    @Test
    void samePasswordHashesDifferentlyEachTime() {
        assertThat(hasher.hash("x")).isNotEqualTo(hasher.hash("x"));
    }

    @Test
    void malformedStoredHashNeverMatches() {
        assertThat(hasher.matches("x", "plain-text")).isFalse();
        assertThat(hasher.matches("x", null)).isFalse();
        assertThat(hasher.matchesNothing("x")).isFalse();
    }
}
