package dev.curtain.model.live;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** One seat's new state inside a delta; {@code holdId} and {@code expiresAt} only for HELD. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SeatChange(String seatId, SeatStatus status, String holdId, Instant expiresAt) {
}
