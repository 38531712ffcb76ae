package dev.curtain.model.ops;

import java.util.List;

/**
 * PostgreSQL (the truth) compared with Redis (live state) for one event. Every list names seats
 * on which the two disagree; {@code ok} is true when all are empty.
 */
public record IntegrityReport(
        String eventId,
        List<String> doubleSold,
        List<String> soldMissingInRedis,
        List<String> soldInRedisOnly,
        List<String> heldButSold,
        List<String> blockedMissingInRedis,
        List<String> blockedInRedisOnly,
        boolean ok) {
}
