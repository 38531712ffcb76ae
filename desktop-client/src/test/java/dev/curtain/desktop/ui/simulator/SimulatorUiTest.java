package dev.curtain.desktop.ui.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curtain.desktop.CurtainApp;
import dev.curtain.desktop.simulator.ReportFormats;
import dev.curtain.desktop.simulator.SimulationReport;
import dev.curtain.desktop.testing.LiveServer;
import dev.curtain.desktop.testing.Screenshots;
import dev.curtain.desktop.ui.seatmap.SeatMapCanvas;
import dev.curtain.desktop.ui.seatmap.SeatMapModel;
import dev.curtain.desktop.ui.shell.MainWindow;
import dev.curtain.server.testing.TestInfrastructure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** A manager runs a 200-user rush from the simulator screen, headless, and sees the dashboard and the report. */
class SimulatorUiTest {

    private final FxRobot robot = new FxRobot();

    @AfterEach
    void closeApp() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void aManagerRunsTwoHundredUsersAndSeesTheDashboardAndTheReport(@TempDir Path dir) throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupApplication(CurtainApp.class, "--server=" + LiveServer.url());
        Stage stage = (Stage) Window.getWindows().get(0);
        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(800);
        });
        robot.clickOn("#username").write("manager");
        robot.clickOn("#password").write(TestInfrastructure.DEMO_PASSWORD);
        robot.clickOn("#sign-in");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> stage.getScene().getRoot() instanceof MainWindow);
        WaitForAsyncUtils.waitForFxEvents();
        MainWindow main = (MainWindow) stage.getScene().getRoot();

        robot.clickOn("#nav-simulator");
        SimulatorViewModel vm = main.simulatorViewModel();
        type("#sim-users", "200");
        type("#sim-seats", "40");
        assertThat(vm.usersProperty().get()).isEqualTo(200);
        assertThat(vm.seatsProperty().get()).isEqualTo(40);
        assertThat(vm.targetProperty().get()).isEqualTo(SimulatorViewModel.TargetChoice.THROW_AWAY);
        robot.clickOn("#sim-start");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.seatMapProperty().get() != null);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.reportProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();

        SimulationReport report = vm.reportProperty().get();
        assertThat(report.passed()).as(report.integrityText()).isTrue();
        assertThat(report.figures().usersStarted()).isEqualTo(200);
        assertThat(report.figures().seatsSold()).isEqualTo(40);
        assertThat(text("#sim-sales")).isEqualTo(report.figures().sales() + " (40 seats)");
        assertThat(Long.parseLong(text("#sim-attempts"))).isGreaterThanOrEqualTo(20);
        assertThat(text("#sim-p95")).endsWith("ms");
        assertThat(robot.lookup("#sim-throughput").queryAs(LineChart.class).getData()).isNotEmpty();
        assertThat(((LineChart<?, ?>) robot.lookup("#sim-throughput").query()).getData().get(0).getData()).isNotEmpty();
        assertThat(((BarChart<?, ?>) robot.lookup("#sim-histogram").query()).getData().get(0).getData()).hasSize(13);
        assertThat(robot.lookup("#sim-log").queryAs(ListView.class).getItems()).isNotEmpty();
        assertThat(robot.lookup("#sim-report").queryAs(TextArea.class).getText())
                .contains("Integrity    OK — no seat sold twice; PostgreSQL and Redis agree");
        SeatMapCanvas canvas = robot.lookup("#sim-seat-map").queryAs(SeatMapCanvas.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> canvas.getModel().count(SeatMapModel.Display.SOLD) == 40);
        robot.interact(() -> Screenshots.save(stage.getScene(), "06-simulator"));

        Path json = dir.resolve("simulation.json");
        Path csv = dir.resolve("simulation.csv");
        robot.interact(() -> {
            vm.exportJson(json);
            vm.exportCsv(csv);
        });
        assertThat(ReportFormats.readJson(Files.readString(json)).passed()).isTrue();
        assertThat(Files.readString(csv)).contains("integrity,,ok,true");
    }

    private void type(String spinnerId, String value) {
        Spinner<?> spinner = robot.lookup(spinnerId).queryAs(Spinner.class);
        robot.doubleClickOn(spinner.getEditor());
        robot.interact(() -> spinner.getEditor().selectAll());
        robot.write(value).type(KeyCode.ENTER);
    }

    private String text(String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }
}
