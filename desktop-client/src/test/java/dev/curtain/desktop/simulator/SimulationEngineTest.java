package dev.curtain.desktop.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.curtain.desktop.client.CurtainClient;
import dev.curtain.desktop.testing.LiveServer;
import dev.curtain.model.event.Event;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.util.WaitForAsyncUtils;

/** The engine against a real server (in this JVM): small runs, seconds each. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SimulationEngineTest {

    private CurtainClient manager;

    @BeforeEach
    void signIn() throws Exception {
        manager = LiveServer.signedIn("manager");
    }

    private SimulationReport run(SimulationConfig config) throws Exception {
        return new Simulation(config, manager, null, Clock.systemUTC()).start().await();
    }

    @Test
    void aSmallRushSellsExactlyTheSeatsOnOfferAndTheIntegrityCheckIsClean() throws Exception {
        Event show = LiveServer.newPerformance();
        SimulationConfig config = SimulationConfig.builder(LiveServer.url())
                .users(30).seats(10).seatsPerUser(1).strategy(Strategy.RUSH).eventId(show.id())
                .maxRetries(10).duration(Duration.ofSeconds(40)).seed(1).build();

        SimulationReport report = run(config);

        SimulationSnapshot f = report.figures();
        assertThat(report.endedBy()).isEqualTo(SimulationReport.EndedBy.ALL_USERS_DONE);
        assertThat(report.offeredSeatIds()).hasSize(10);
        assertThat(f.sales()).isEqualTo(10);
        assertThat(f.seatsSold()).isEqualTo(10);
        assertThat(f.holds()).isEqualTo(10);
        assertThat(f.errors()).as("errors %s", f.errorsByCode()).isZero();
        assertThat(f.conflicts()).isPositive();
        assertThat(f.usersFinished()).isEqualTo(30);
        assertThat(f.sales() + f.soldOut() + f.gaveUp()).isEqualTo(30);
        assertThat(new HashSet<>(manager.seats(show.id()).sold())).isEqualTo(new HashSet<>(report.offeredSeatIds()));
        assertThat(manager.seats(show.id()).held()).isEmpty();
        assertThat(report.serverStats().sold()).isEqualTo(10);
        assertThat(report.passed()).isTrue();
        assertThat(report.integrity().ok()).isTrue();
        assertThat(f.latencyOf("hold").count()).isEqualTo(f.attempts());
        assertThat(f.latencyOf("confirm").p99Ms()).isPositive();
        assertThat(f.histogram().stream().mapToLong(LatencyRecorder.Bar::count).sum()).isEqualTo(f.latencyOf("all").count());
    }

    @Test
    void aRushOnAThrowAwayPerformanceSellsItOutInPairs() throws Exception {
        SimulationConfig config = SimulationConfig.builder(LiveServer.url())
                .users(20).seats(12).seatsPerUser(2).strategy(Strategy.RUSH).maxRetries(10)
                .duration(Duration.ofSeconds(40)).seed(2).build();

        SimulationReport report = run(config);

        assertThat(report.throwAwayPerformance()).isTrue();
        assertThat(report.figures().sales()).isEqualTo(6);
        assertThat(report.figures().seatsSold()).isEqualTo(12);
        assertThat(report.serverStats().capacity()).isEqualTo(12);
        assertThat(report.serverStats().available()).isZero();
        assertThat(report.passed()).isTrue();
    }

    @Test
    void theOpenLoopKeepsItsArrivalRate() throws Exception {
        Event show = LiveServer.newPerformance();
        SimulationConfig config = SimulationConfig.builder(LiveServer.url())
                .users(1000).seats(40).seatsPerUser(1).strategy(Strategy.RANDOM).eventId(show.id())
                .mode(LoadMode.OPEN).arrivalsPerSecond(20).concurrency(50).duration(Duration.ofSeconds(2)).seed(3).build();

        SimulationReport report = run(config);

        SimulationSnapshot.Arrivals arrivals = report.figures().arrivals();
        assertThat(report.endedBy()).isEqualTo(SimulationReport.EndedBy.TIME_LIMIT);
        assertThat(arrivals.arrived()).isBetween(38L, 41L);
        assertThat(arrivals.achievedPerSecond()).isCloseTo(20.0, within(2.0));
        assertThat(arrivals.lateStarts()).isZero();
        assertThat(report.figures().usersStarted()).isEqualTo(arrivals.arrived());
        assertThat(report.passed()).isTrue();
    }

    @Test
    void aRunThatCouldNotBeCheckedDoesNotStart() throws Exception {
        CurtainClient clerk = LiveServer.signedIn("clerk");
        SimulationConfig config = SimulationConfig.builder(LiveServer.url()).users(5).seats(5).build();
        Simulation simulation = new Simulation(config, clerk, null, Clock.systemUTC()).start();

        assertThatThrownBy(simulation::await).hasMessageContaining("manager or an admin");
        assertThat(simulation.snapshot().usersStarted()).isZero();
    }

    @Test
    void stoppingMidRunLeavesNoHoldsBehind() throws Exception {
        Event show = LiveServer.newPerformance();
        SimulationConfig config = SimulationConfig.builder(LiveServer.url())
                .users(20).seats(40).seatsPerUser(2).strategy(Strategy.REALISTIC).eventId(show.id())
                .realism(Realism.DEFAULT.withThink(Duration.ofMillis(1500)).withAbandonRate(0.5))
                .duration(Duration.ofSeconds(60)).seed(4).build();
        Simulation simulation = new Simulation(config, manager, null, Clock.systemUTC()).start();

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> manager.seats(show.id()).held().size() >= 4);
        simulation.stop();
        SimulationReport report = simulation.await();

        assertThat(report.endedBy()).isEqualTo(SimulationReport.EndedBy.STOPPED);
        assertThat(report.figures().elapsedMillis()).isLessThan(30_000);
        assertThat(report.figures().stopped()).isPositive();
        assertThat(manager.seats(show.id()).held()).isEmpty();
        assertThat(report.serverStats().held()).isZero();
        assertThat(report.passed()).isTrue();
        List<LogEntry> log = new java.util.ArrayList<>();
        simulation.drainLog(log, 10_000);
        assertThat(log).anyMatch(e -> e.text().startsWith("Released"));
    }
}
