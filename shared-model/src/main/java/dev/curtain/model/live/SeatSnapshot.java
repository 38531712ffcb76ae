package dev.curtain.model.live;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.curtain.model.hold.Hold;
import java.util.List;

/**
 * Every seat of an event that is not available, at one version; all other seats are available.
 * {@code mine} lists the caller's own live holds. Over the WebSocket it arrives with
 * {@code type = "snapshot"}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SeatSnapshot(
        String type,
        String eventId,
        long version,
        List<String> held,
        List<String> sold,
        List<String> blocked,
        List<Hold> mine) {
}
