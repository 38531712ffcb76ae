package dev.curtain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.curtain.model.live.LiveSeatState;
import dev.curtain.model.live.LiveSeatState.Outcome;
import dev.curtain.model.live.SeatChange;
import dev.curtain.model.live.SeatDelta;
import dev.curtain.model.live.SeatSnapshot;
import dev.curtain.model.live.SeatStatus;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LiveSeatStateTest {

    private static SeatDelta delta(long version, SeatChange... changes) {
        return new SeatDelta("delta", "e", version, List.of(changes));
    }

    private static SeatChange held(String seat) {
        return new SeatChange(seat, SeatStatus.HELD, "e.h", null);
    }

    private static SeatChange available(String seat) {
        return new SeatChange(seat, SeatStatus.AVAILABLE, null, null);
    }

    @Test
    void deltasBeforeASnapshotAreAGap() {
        assertEquals(Outcome.GAP, new LiveSeatState().apply(delta(1, held("A"))));
    }

    @Test
    void appliesDeltasInOrderAndIgnoresStaleOnes() {
        LiveSeatState state = new LiveSeatState();
        state.apply(new SeatSnapshot("snapshot", "e", 10, List.of("A"), List.of("B"), List.of("C"), List.of()));
        assertEquals(Outcome.STALE, state.apply(delta(10, available("A"))));
        assertEquals(SeatStatus.HELD, state.status("A"));
        assertEquals(Outcome.APPLIED, state.apply(delta(11, available("A"), held("D"))));
        assertEquals(SeatStatus.AVAILABLE, state.status("A"));
        assertEquals(SeatStatus.HELD, state.status("D"));
        assertEquals("e.h", state.holdOf("D"));
        assertEquals(Set.of("B"), state.seatsIn(SeatStatus.SOLD));
        assertEquals(11, state.version());
    }

    @Test
    void aMissedVersionIsAGapAndChangesNothing() {
        LiveSeatState state = new LiveSeatState();
        state.apply(new SeatSnapshot("snapshot", "e", 1, List.of(), List.of(), List.of(), List.of()));
        assertEquals(Outcome.GAP, state.apply(delta(3, held("A"))));
        assertEquals(SeatStatus.AVAILABLE, state.status("A"));
        assertTrue(state.isBehind(2));
    }
}
