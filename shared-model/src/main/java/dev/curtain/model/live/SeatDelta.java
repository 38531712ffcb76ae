package dev.curtain.model.live;

import java.util.List;

/** A live message: {@code type} is "delta"; versions of one event strictly increase by one. */
public record SeatDelta(String type, String eventId, long version, List<SeatChange> changes) {
}
