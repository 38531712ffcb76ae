package dev.curtain.model.hold;

import java.util.List;

public record SeatIdsRequest(List<String> seatIds) {
}
