package dev.curtain.desktop.ui.seatmap;

import dev.curtain.desktop.client.LiveConnection;
import dev.curtain.desktop.client.LiveFeed;
import dev.curtain.desktop.ui.common.UiDispatcher;
import dev.curtain.model.live.LiveSeatState;
import dev.curtain.model.live.SeatChange;
import dev.curtain.model.live.SeatDelta;
import dev.curtain.model.live.SeatSnapshot;
import dev.curtain.model.live.SeatStatus;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Keeps a {@link SeatMapModel} in step with a performance's live feed: paints the snapshot, then each delta in
 * version order; asks for a fresh snapshot on a version gap or when it stays behind the heartbeat. Feed
 * callbacks reach it through the dispatcher given to {@link #connect}; the owner hears of each step after it
 * was painted. Used by the counter's sale screen and the simulator's live map.
 */
public final class LiveSeatMap {

    /** Which seats and holds are this terminal's own: they are shown as MINE. */
    public interface Ownership {
        boolean ownsSeat(String seatId);

        boolean ownsHold(String holdId);

        Ownership NONE = new Ownership() {
            @Override
            public boolean ownsSeat(String seatId) {
                return false;
            }

            @Override
            public boolean ownsHold(String holdId) {
                return false;
            }
        };
    }

    /** What the owner hears, after the map was painted. */
    public interface Listener {
        default void snapshot(SeatSnapshot snapshot) {
        }

        default void changed(SeatDelta delta) {
        }

        default void connection(LiveFeed.State state) {
        }
    }

    private final LiveSeatState live = new LiveSeatState();
    private final Supplier<SeatMapModel> map;
    private final Ownership mine;
    private final Listener listener;
    private LiveConnection feed;
    private long behindSince = -1;

    public LiveSeatMap(Supplier<SeatMapModel> map, Ownership mine, Listener listener) {
        this.map = map;
        this.mine = mine;
        this.listener = listener;
    }

    /** Opens the feed; its callbacks are handed to {@code ui}. */
    public void connect(BiFunction<Supplier<String>, LiveFeed.Listener, LiveConnection> feeds, Supplier<String> url,
                        UiDispatcher ui) {
        feed = feeds.apply(url, new LiveFeed.Listener() {
            @Override
            public void snapshot(SeatSnapshot snapshot) {
                ui.run(() -> applySnapshot(snapshot));
            }

            @Override
            public void delta(SeatDelta delta) {
                ui.run(() -> applyDelta(delta));
            }

            @Override
            public void heartbeat(long version) {
                ui.run(() -> checkBehind(version));
            }

            @Override
            public void state(LiveFeed.State state) {
                ui.run(() -> listener.connection(state));
            }
        });
        feed.start();
    }

    public void applySnapshot(SeatSnapshot snapshot) {
        live.apply(snapshot);
        behindSince = -1;
        SeatMapModel m = map.get();
        if (m != null) {
            m.clearStatuses();
            snapshot.held().forEach(id -> m.setStatus(id, SeatStatus.HELD, mine.ownsSeat(id)));
            snapshot.sold().forEach(id -> m.setStatus(id, SeatStatus.SOLD, false));
            snapshot.blocked().forEach(id -> m.setStatus(id, SeatStatus.BLOCKED, false));
        }
        listener.snapshot(snapshot);
    }

    public void applyDelta(SeatDelta delta) {
        switch (live.apply(delta)) {
            case GAP -> feed.resync();
            case STALE -> { }
            case APPLIED -> {
                SeatMapModel m = map.get();
                if (m != null) {
                    for (SeatChange c : delta.changes()) {
                        m.setStatus(c.seatId(), c.status(), mine.ownsHold(c.holdId()));
                    }
                }
                listener.changed(delta);
            }
        }
    }

    /** Behind a heartbeat twice in a row means a delta was lost on the way: resynchronise. */
    public void checkBehind(long version) {
        if (!live.isBehind(version)) {
            behindSince = -1;
        } else if (behindSince >= 0 && live.version() <= behindSince) {
            feed.resync();
            behindSince = -1;
        } else {
            behindSince = live.version();
        }
    }

    public LiveSeatState state() {
        return live;
    }

    public void close() {
        if (feed != null) {
            feed.close();
        }
    }
}
