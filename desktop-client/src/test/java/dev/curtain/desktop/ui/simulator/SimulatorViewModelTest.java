package dev.curtain.desktop.ui.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curtain.desktop.client.LiveConnection;
import dev.curtain.desktop.client.LiveFeed;
import dev.curtain.desktop.simulator.ReportFormats;
import dev.curtain.desktop.simulator.Strategy;
import dev.curtain.desktop.testing.LiveServer;
import dev.curtain.desktop.ui.common.Session;
import dev.curtain.desktop.ui.common.UiDispatcher;
import dev.curtain.desktop.ui.seatmap.SeatMapModel;
import dev.curtain.model.auth.Role;
import dev.curtain.model.event.Event;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/** The simulator screen's logic without a screen: a real engine and server, a hand-held live feed. */
class SimulatorViewModelTest {

    private LiveFeed.Listener feedListener;
    private boolean feedClosed;

    private SimulatorViewModel viewModel() throws Exception {
        Session session = new Session(LiveServer.signedIn("manager"), "manager", List.of(Role.MANAGER));
        return new SimulatorViewModel(session, UiDispatcher.DIRECT, Clock.systemUTC(), (url, listener) -> {
            feedListener = listener;
            return new LiveConnection() {
                @Override
                public void start() {
                    listener.state(LiveFeed.State.LIVE);
                }

                @Override
                public void resync() {
                }

                @Override
                public void close() {
                    feedClosed = true;
                }
            };
        });
    }

    @Test
    void aRunFillsTheDashboardThenShowsAndExportsTheReport(@TempDir Path dir) throws Exception {
        Event show = LiveServer.newPerformance();
        SimulatorViewModel vm = viewModel();
        vm.setPerformances(List.of(show));
        vm.targetProperty().set(vm.targets().get(1));
        vm.usersProperty().set(20);
        vm.seatsProperty().set(6);
        vm.seatsPerUserProperty().set(1);
        vm.strategyProperty().set(Strategy.RUSH);

        vm.start();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.reportProperty().get() != null);

        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.salesProperty().get()).isEqualTo("6 (6 seats)");
        assertThat(Long.parseLong(vm.attemptsProperty().get())).isGreaterThanOrEqualTo(6);
        assertThat(vm.p99Property().get()).endsWith("ms");
        assertThat(vm.progressProperty().get()).isEqualTo(1.0);
        assertThat(vm.throughput()).isNotEmpty();
        assertThat(vm.histogram().stream().mapToLong(b -> b.count()).sum()).isPositive();
        assertThat(vm.log()).anyMatch(line -> line.contains("bought 1 seat(s)"));
        assertThat(vm.reportTextProperty().get()).contains("Integrity    OK");
        assertThat(vm.statusProperty().get()).isEqualTo("Done — integrity check OK.");
        SeatMapModel map = vm.seatMapProperty().get();
        assertThat(map.venue().id()).isEqualTo(show.venueId());
        assertThat(vm.liveProperty().get()).isEqualTo(LiveFeed.State.LIVE);
        assertThat(feedListener).isNotNull();

        Path json = dir.resolve("run.json");
        Path csv = dir.resolve("run.csv");
        vm.exportJson(json);
        vm.exportCsv(csv);
        assertThat(ReportFormats.readJson(Files.readString(json)).figures().seatsSold()).isEqualTo(6);
        assertThat(Files.readString(csv)).contains("outcome,,sales,6");
        assertThat(vm.messageProperty().get()).startsWith("Report saved to");

        vm.close();
        assertThat(feedClosed).isTrue();
    }

    @Test
    void settingsOutOfRangeAreRefusedWithAReason() throws Exception {
        SimulatorViewModel vm = viewModel();
        vm.usersProperty().set(20_000);
        vm.start();
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.messageProperty().get()).contains("users must be from 1 to 10000");
        vm.exportJson(Path.of("nowhere.json"));
        assertThat(vm.messageProperty().get()).contains("no report yet");
    }
}
