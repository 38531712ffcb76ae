package dev.curtain.desktop.ui.seatmap;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.curtain.model.json.Json;
import dev.curtain.model.live.SeatChange;
import dev.curtain.model.live.SeatDelta;
import dev.curtain.model.live.SeatSnapshot;
import dev.curtain.model.live.SeatStatus;
import dev.curtain.model.venue.Seat;
import dev.curtain.model.venue.Venue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What the box office does for every seat change on the live feed, without painting: read the
 * delta's JSON, check its version, and set the seats' display in the {@link SeatMapModel}; and a
 * resynchronisation, which repaints the model from a full snapshot. {@code ./curtain bench --jmh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SeatMapModelBenchmark {

    @Param({"20000", "100000"})
    public int seats;

    private static final ObjectMapper JSON = Json.newMapper();

    private LiveSeatMap live;
    private List<String> ids;
    private byte[][] deltas;
    private SeatSnapshot snapshot;
    private long version;
    private int next;

    @Setup
    public void setUp() throws Exception {
        Venue venue = seats <= 20_000 ? SeatMapBenchmark.arenaLike() : SeatMapBenchmark.grid(10, 10, 25, 40);
        SeatMapModel model = new SeatMapModel(venue);
        live = new LiveSeatMap(() -> model, LiveSeatMap.Ownership.NONE, new LiveSeatMap.Listener() { });
        ids = venue.seats().stream().map(Seat::id).toList();
        // A thousand 2-seat deltas in turn: held, then available again.
        deltas = new byte[1000][];
        Instant expires = Instant.parse("2030-01-01T20:10:00Z");
        for (int i = 0; i < deltas.length; i++) {
            SeatStatus status = i % 2 == 0 ? SeatStatus.HELD : SeatStatus.AVAILABLE;
            String hold = status == SeatStatus.HELD ? "ev.h" + i : null;
            int seat = (i / 2) * 2 % (ids.size() - 1);
            deltas[i] = JSON.writeValueAsBytes(new SeatDelta("delta", "ev", 0, List.of(
                    new SeatChange(ids.get(seat), status, hold, hold == null ? null : expires),
                    new SeatChange(ids.get(seat + 1), status, hold, hold == null ? null : expires))));
        }
        List<String> held = new ArrayList<>(ids.subList(0, ids.size() * 8 / 10));
        snapshot = new SeatSnapshot("snapshot", "ev", 1, held, List.of(), List.of(), List.of());
        live.applySnapshot(new SeatSnapshot("snapshot", "ev", 0, List.of(), List.of(), List.of(), List.of()));
    }

    /** One 2-seat delta from the wire: parse, version check, two seats repainted in the model. */
    @Benchmark
    public long applyDeltaFromJson() throws Exception {
        SeatDelta read = JSON.readValue(deltas[next], SeatDelta.class);
        next = (next + 1) % deltas.length;
        SeatDelta delta = new SeatDelta(read.type(), read.eventId(), ++version, read.changes());
        live.applyDelta(delta);
        return delta.version();
    }

    /** A resync: the whole model repainted from a snapshot with 80 % of the seats held. */
    @Benchmark
    public long applySnapshotFourFifthsHeld() {
        version++;
        live.applySnapshot(new SeatSnapshot("snapshot", "ev", version, snapshot.held(), List.of(), List.of(), List.of()));
        return version;
    }
}
