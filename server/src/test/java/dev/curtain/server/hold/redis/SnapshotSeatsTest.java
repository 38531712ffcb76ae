package dev.curtain.server.hold.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotSeatsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final SnapshotSeats seats = new SnapshotSeats();

    private static JsonNode changes(String json) throws Exception {
        return JSON.readTree(json.replace('\'', '"'));
    }

    @Test
    void deltasMoveTheCopyToTheirVersionInOrder() throws Exception {
        seats.put("e", new SnapshotSeats.Seats("b1", 5, List.of("A-1"), List.of("A-2"), List.of("A-3")));
        seats.apply("e", 6, changes("[{'seatId':'A-4','status':'HELD'},{'seatId':'A-5','status':'HELD'}]"));
        seats.apply("e", 7, changes("[{'seatId':'A-1','status':'SOLD'},{'seatId':'A-3','status':'AVAILABLE'}]"));
        seats.apply("e", 8, changes("[{'seatId':'A-5','status':'AVAILABLE'},{'seatId':'A-6','status':'BLOCKED'}]"));
        SnapshotSeats.Seats now = seats.get("e");
        assertThat(now.version()).isEqualTo(8);
        assertThat(now.held()).containsExactly("A-4");
        assertThat(now.sold()).containsExactlyInAnyOrder("A-2", "A-1");
        assertThat(now.blocked()).containsExactly("A-6");
    }

    @Test
    void aDeltaAlreadyInTheCopyIsIgnoredAndAGapDropsTheCopy() throws Exception {
        seats.put("e", new SnapshotSeats.Seats("b1", 5, List.of("A-1"), List.of(), List.of()));
        seats.apply("e", 5, changes("[{'seatId':'A-1','status':'AVAILABLE'}]"));
        assertThat(seats.get("e").held()).containsExactly("A-1");
        seats.apply("e", 7, changes("[{'seatId':'A-2','status':'HELD'}]"));
        assertThat(seats.get("e")).isNull();
    }

    @Test
    void seatsKnownTakenAreSoldBlockedOrHeldByAHoldAnnouncedToLastPastNow() throws Exception {
        seats.put("e", new SnapshotSeats.Seats("b1", 5, List.of("A-1"), List.of("A-2"), List.of("A-3")));
        seats.apply("e", 6, changes("[{'seatId':'A-4','status':'HELD','expiresAt':'2030-01-01T00:10:00Z'},"
                + "{'seatId':'A-5','status':'HELD','expiresAt':'2030-01-01T00:01:00Z'}]"));
        long now = java.time.Instant.parse("2030-01-01T00:05:00Z").toEpochMilli();
        // A-1's hold was read, not announced: its end is unknown, so Redis decides; A-5's hold has ended
        assertThat(seats.knownTaken("e", List.of("A-1", "A-2", "A-3", "A-4", "A-5", "A-6"), now))
                .containsExactly("A-2", "A-3", "A-4");
        seats.apply("e", 7, changes("[{'seatId':'A-4','status':'SOLD'},{'seatId':'A-2','status':'AVAILABLE'}]"));
        assertThat(seats.knownTaken("e", List.of("A-2", "A-4"), now)).containsExactly("A-4");
        seats.apply("e", 8, changes("[{'seatId':'A-4','status':'AVAILABLE'}]"));
        assertThat(seats.knownTaken("e", List.of("A-4"), now)).isEmpty();
    }

    @Test
    void withoutACopyOrOnceForgottenNothingIsKnownTaken() throws Exception {
        assertThat(seats.knownTaken("e", List.of("A-1"), 0)).isEmpty();
        for (String event : List.of("e", "f", "g")) {
            seats.put(event, new SnapshotSeats.Seats("b1", 1, List.of(), List.of("A-1"), List.of()));
            seats.apply(event, 2, changes("[{'seatId':'A-9','status':'BLOCKED'}]"));
        }
        seats.forget("e");
        assertThat(seats.knownTaken("e", List.of("A-1"), 0)).isEmpty();
        assertThat(seats.knownTaken("f", List.of("A-1"), 0)).containsExactly("A-1");
        // a gap drops the copy, and with it what it knew
        seats.apply("g", 4, changes("[{'seatId':'A-2','status':'HELD','expiresAt':'2030-01-01T00:10:00Z'}]"));
        assertThat(seats.knownTaken("g", List.of("A-1", "A-2"), 0)).isEmpty();
        seats.clear();
        assertThat(seats.knownTaken("f", List.of("A-1"), 0)).isEmpty();
    }

    @Test
    void aCopyReadFromRedisRefusesNothingUntilItHasAppliedADeltaInStep() throws Exception {
        // the read may have missed a delta published while it was under way; a delta that follows
        // its version shows it did not (a missed one would have made the next one a gap)
        seats.put("e", new SnapshotSeats.Seats("b1", 5, List.of(), List.of("A-1"), List.of()));
        assertThat(seats.knownTaken("e", List.of("A-1"), 0)).isEmpty();
        seats.apply("e", 5, changes("[{'seatId':'A-1','status':'SOLD'}]")); // already in the copy
        assertThat(seats.knownTaken("e", List.of("A-1"), 0)).isEmpty();
        seats.apply("e", 6, changes("[{'seatId':'A-2','status':'BLOCKED'}]"));
        assertThat(seats.knownTaken("e", List.of("A-1", "A-2"), 0)).containsExactly("A-1", "A-2");
    }

    @Test
    void noSeatIsRefusedUntilTheCopyHasTheChangeInWhichThisNodeFreedSeats() throws Exception {
        seats.put("e", new SnapshotSeats.Seats("b1", 5, List.of(), List.of("A-1", "A-2"), List.of()));
        seats.apply("e", 6, changes("[{'seatId':'A-3','status':'BLOCKED'}]"));
        seats.freed("e", 8); // say a refund of A-1 answered with version 8
        seats.freed("e", 7); // an older answer arriving late changes nothing
        assertThat(seats.knownTaken("e", List.of("A-1", "A-2"), 0)).isEmpty();
        seats.apply("e", 7, changes("[{'seatId':'A-4','status':'BLOCKED'}]"));
        assertThat(seats.knownTaken("e", List.of("A-1", "A-2"), 0)).isEmpty();
        seats.apply("e", 8, changes("[{'seatId':'A-1','status':'AVAILABLE'}]"));
        assertThat(seats.knownTaken("e", List.of("A-1", "A-2"), 0)).containsExactly("A-2");
    }

    @Test
    void whatThisNodeFreedIsKeptOnlyWhileACopyHasYetToReachIt() throws Exception {
        seats.put("e", new SnapshotSeats.Seats("b1", 5, List.of(), List.of("A-1"), List.of()));
        seats.apply("e", 6, changes("[{'seatId':'A-3','status':'BLOCKED'}]"));
        seats.freed("e", 7);
        seats.freed("no-copy", 3);
        seats.pruneFreed();
        assertThat(seats.knownTaken("e", List.of("A-1"), 0)).as("still waiting for 7").isEmpty();
        seats.apply("e", 7, changes("[{'seatId':'A-4','status':'BLOCKED'}]"));
        seats.pruneFreed();
        // a new copy of the event read at an older version is not held back by the forgotten record
        seats.forget("e");
        seats.put("e", new SnapshotSeats.Seats("b1", 5, List.of(), List.of("A-1"), List.of()));
        seats.apply("e", 6, changes("[{'seatId':'A-3','status':'BLOCKED'}]"));
        assertThat(seats.knownTaken("e", List.of("A-1"), 0)).containsExactly("A-1");
    }

    @Test
    void aCheckDropsACopyOfAnotherBuildOrOneThatStaysBehindRedis() throws Exception {
        seats.put("e", new SnapshotSeats.Seats("b1", 6, List.of(), List.of(), List.of()));
        seats.check("e", "b2", 6);
        assertThat(seats.get("e")).isNull();
        seats.put("e", new SnapshotSeats.Seats("b1", 6, List.of(), List.of(), List.of()));
        seats.check("e", null, 0); // Redis lost the event's state
        assertThat(seats.get("e")).isNull();

        seats.put("e", new SnapshotSeats.Seats("b1", 6, List.of(), List.of(), List.of()));
        seats.check("e", "b1", 7); // a delta may be on its way: kept
        seats.apply("e", 7, changes("[{'seatId':'A-1','status':'BLOCKED'}]"));
        seats.check("e", "b1", 9); // it arrived: kept
        assertThat(seats.copies()).containsExactly(new SnapshotSeats.Kept("e", "b1", 7));
        seats.apply("e", 8, changes("[{'seatId':'A-2','status':'BLOCKED'}]"));
        seats.check("e", "b1", 9); // still below the 9 Redis had at the last check: 9 was missed
        assertThat(seats.get("e")).isNull();
    }

    @Test
    void copiesBeyondTheSeatBoundGoLeastRecentlyReadFirst() {
        List<String> half = java.util.stream.IntStream.range(0, SnapshotSeats.SEATS_KEPT / 2)
                .mapToObj(i -> "S-" + i).toList();
        seats.put("a", new SnapshotSeats.Seats("b1", 1, half, List.of(), List.of()));
        seats.put("b", new SnapshotSeats.Seats("b1", 1, half, List.of(), List.of()));
        seats.get("a");
        seats.put("c", new SnapshotSeats.Seats("b1", 1, List.of("X-1"), List.of(), List.of()));
        assertThat(seats.get("b")).isNull();
        assertThat(seats.get("a")).isNotNull();
        assertThat(seats.get("c")).isNotNull();
    }

    @Test
    void aReadOfARebuiltStateReplacesTheCopyWhateverItsVersion() {
        seats.put("e", new SnapshotSeats.Seats("b1", 9, List.of("A-1"), List.of(), List.of()));
        seats.put("e", new SnapshotSeats.Seats("b2", 5, List.of(), List.of("A-1"), List.of()));
        assertThat(seats.get("e").state()).isEqualTo("b2:5");
        assertThat(seats.get("e").sold()).containsExactly("A-1");
    }

    @Test
    void anOlderReadNeverReplacesANewerCopyAndUnknownEventsAreLeftAlone() throws Exception {
        seats.put("e", new SnapshotSeats.Seats("b1", 9, List.of("A-1"), List.of(), List.of()));
        seats.put("e", new SnapshotSeats.Seats("b1", 8, List.of(), List.of(), List.of()));
        assertThat(seats.get("e").version()).isEqualTo(9);
        seats.apply("other", 1, changes("[{'seatId':'A-1','status':'HELD'}]"));
        assertThat(seats.get("other")).isNull();
    }
}
