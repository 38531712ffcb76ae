package dev.curtain.desktop.ui.sale;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curtain.desktop.client.CurtainClient;
import dev.curtain.desktop.client.LiveConnection;
import dev.curtain.desktop.client.LiveFeed;
import dev.curtain.desktop.testing.LiveServer;
import dev.curtain.desktop.testing.MutableClock;
import dev.curtain.desktop.ui.common.BackgroundTasks;
import dev.curtain.desktop.ui.common.Notifier;
import dev.curtain.desktop.ui.common.Session;
import dev.curtain.desktop.ui.common.UiDispatcher;
import dev.curtain.desktop.ui.seatmap.SeatMapModel;
import dev.curtain.model.auth.Role;
import dev.curtain.model.event.Event;
import dev.curtain.model.hold.HoldRequest;
import dev.curtain.model.live.SeatChange;
import dev.curtain.model.live.SeatDelta;
import dev.curtain.model.live.SeatSnapshot;
import dev.curtain.model.live.SeatStatus;
import dev.curtain.model.venue.Seat;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sale screen's logic against a real server, with a hand-driven live feed. */
class SaleViewModelTest {

    private final MutableClock clock = new MutableClock(Instant.now());
    private FakeFeed feed;
    private SaleViewModel vm;
    private Event show;
    private CurtainClient clerk;

    static final class FakeFeed implements LiveConnection {
        LiveFeed.Listener listener;
        int resyncs;
        boolean started;

        @Override
        public void start() {
            started = true;
        }

        @Override
        public void resync() {
            resyncs++;
        }

        @Override
        public void close() {
        }
    }

    private SaleViewModel open(String user, Role role) throws Exception {
        clerk = LiveServer.signedIn(user);
        feed = new FakeFeed();
        SaleViewModel model = new SaleViewModel(new Session(clerk, user, List.of(role)), BackgroundTasks.IMMEDIATE,
                UiDispatcher.DIRECT, Notifier.SILENT, clock, (url, listener) -> {
                    feed.listener = listener;
                    return feed;
                });
        model.open(show.id());
        return model;
    }

    @BeforeEach
    void performance() throws Exception {
        show = LiveServer.newPerformance();
        vm = open("clerk", Role.CLERK);
    }

    private Seat seat(String id) {
        return vm.seatMapProperty().get().venue().seats().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void openingLoadsTheMapAndStartsTheLiveFeed() {
        assertThat(vm.titleProperty().get()).isEqualTo("Test Show");
        assertThat(vm.seatMapProperty().get().venue().seats()).hasSize(40);
        assertThat(feed.started).isTrue();
    }

    @Test
    void clicksGrowAndShrinkTheHoldAndTotalsFollowTicketTypes() {
        vm.toggleSeat(seat("HALL-A-1"));   // premium adult 30.00
        vm.toggleSeat(seat("HALL-C-1"));   // standard adult 20.00
        assertThat(vm.hold().seatIds()).containsExactly("HALL-A-1", "HALL-C-1");
        assertThat(vm.totalProperty().get()).isEqualTo(5000);
        assertThat(vm.totalTextProperty().get()).isEqualTo("50.00 EUR");
        vm.lines().get(1).ticketTypeProperty().set("child");
        assertThat(vm.totalProperty().get()).isEqualTo(4000);
        assertThat(vm.ticketTypes()).containsEntry("HALL-C-1", "child");
        assertThat(vm.seatMapProperty().get().display("HALL-A-1")).isEqualTo(SeatMapModel.Display.MINE);

        vm.toggleSeat(seat("HALL-A-1"));
        assertThat(vm.hold().seatIds()).containsExactly("HALL-C-1");
        assertThat(vm.totalProperty().get()).isEqualTo(1000);
        assertThat(vm.seatMapProperty().get().display("HALL-A-1")).isEqualTo(SeatMapModel.Display.AVAILABLE);
        vm.release();
        assertThat(vm.hold()).isNull();
        assertThat(vm.lines()).isEmpty();
        assertThat(vm.totalTextProperty().get()).isEmpty();
    }

    @Test
    void bestNAsksTheServerForAdjacentSeatsAndNextBestMovesOn() {
        vm.best(3, null);
        assertThat(vm.hold().seatIds()).hasSize(3);
        List<String> first = vm.hold().seatIds();
        vm.nextBest();
        assertThat(vm.hold().seatIds()).hasSize(3).doesNotContainAnyElementsOf(first);
        vm.best(2, "STANDARD");
        assertThat(vm.hold().seatIds()).allSatisfy(id -> assertThat(seat(id).category()).isEqualTo("STANDARD"));
    }

    @Test
    void deltasPaintTheMapAndAGapAsksForAResync() {
        feed.listener.snapshot(new SeatSnapshot("snapshot", show.id(), 100, List.of("HALL-B-1"), List.of("HALL-B-2"),
                List.of("HALL-B-3"), List.of()));
        SeatMapModel map = vm.seatMapProperty().get();
        assertThat(map.display("HALL-B-1")).isEqualTo(SeatMapModel.Display.HELD);
        assertThat(map.display("HALL-B-2")).isEqualTo(SeatMapModel.Display.SOLD);
        assertThat(map.display("HALL-B-3")).isEqualTo(SeatMapModel.Display.BLOCKED);

        feed.listener.delta(new SeatDelta("delta", show.id(), 101,
                List.of(new SeatChange("HALL-B-1", SeatStatus.AVAILABLE, null, null),
                        new SeatChange("HALL-B-4", SeatStatus.HELD, "other.hold", null))));
        assertThat(map.display("HALL-B-1")).isEqualTo(SeatMapModel.Display.AVAILABLE);
        assertThat(map.display("HALL-B-4")).isEqualTo(SeatMapModel.Display.HELD);
        assertThat(feed.resyncs).isZero();

        feed.listener.delta(new SeatDelta("delta", show.id(), 103,
                List.of(new SeatChange("HALL-B-5", SeatStatus.SOLD, null, null))));
        assertThat(feed.resyncs).isEqualTo(1);
        assertThat(map.display("HALL-B-5")).isEqualTo(SeatMapModel.Display.AVAILABLE);
    }

    @Test
    void stayingBehindTheHeartbeatTriggersAResync() {
        feed.listener.snapshot(new SeatSnapshot("snapshot", show.id(), 10, List.of(), List.of(), List.of(), List.of()));
        feed.listener.heartbeat(10);
        feed.listener.heartbeat(11);
        assertThat(feed.resyncs).isZero();
        feed.listener.heartbeat(11);
        assertThat(feed.resyncs).isEqualTo(1);
    }

    @Test
    void theCountdownEndsTheCartWhenTheHoldRunsOut() {
        vm.toggleSeat(seat("HALL-D-5"));
        assertThat(vm.countdown().runningProperty().get()).isTrue();
        clock.advance(Duration.ofSeconds(show.holdTtlSeconds() + 1));
        vm.tick();
        assertThat(vm.hold()).isNull();
        assertThat(vm.messageProperty().get()).contains("expired");
    }

    @Test
    void aTakenSeatIsRefusedInPlainWords() throws Exception {
        LiveServer.signedIn("manager").hold(show.id(), HoldRequest.seats(List.of("HALL-A-7")));
        vm.addSeats(List.of(seat("HALL-A-7")));
        assertThat(vm.hold()).isNull();
        assertThat(vm.messageProperty().get()).contains("HALL-A-7");
    }

    @Test
    void onlyManagersBlockSeats() throws Exception {
        vm.block(List.of(seat("HALL-D-1")), "broken");
        assertThat(clerk.seats(show.id()).blocked()).isEmpty();
        SaleViewModel manager = open("manager", Role.MANAGER);
        manager.block(List.of(seat("HALL-D-1")), "broken");
        assertThat(clerk.seats(show.id()).blocked()).containsExactly("HALL-D-1");
    }
}
