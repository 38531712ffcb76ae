package dev.curtain.desktop.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curtain.desktop.testing.LiveServer;
import dev.curtain.server.testing.TestInfrastructure;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ./curtain simulate: arguments, the printed report, the files and the exit code. */
class SimulateCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        return SimulateCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env);
    }

    @Test
    void aSmallRushPrintsTheReportWritesJsonAndCsvAndExitsZero(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("report.json");
        Path csv = dir.resolve("report.csv");
        int code = run(Map.of("CURTAIN_DEMO_PASSWORD", TestInfrastructure.DEMO_PASSWORD), "--server", LiveServer.url(),
                "--users", "25", "--seats", "8", "--seats-per-user", "1", "--strategy", "rush", "--retries", "10",
                "--duration", "30s", "--json", json.toString(), "--csv=" + csv, "--quiet");

        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(SimulateCommand.OK);
        assertThat(text).contains("Sales        8 confirmed (8 seats)")
                .contains("Integrity    OK — no seat sold twice; PostgreSQL and Redis agree");
        SimulationReport report = ReportFormats.readJson(Files.readString(json));
        assertThat(report.passed()).isTrue();
        assertThat(report.figures().seatsSold()).isEqualTo(8);
        assertThat(Files.readAllLines(csv)).first().isEqualTo("section,name,metric,value");
        assertThat(Files.readString(csv)).contains("outcome,,seats_sold,8").contains("integrity,,ok,true");
    }

    @Test
    void usageErrorsExitOne() {
        assertThat(run(Map.of(), "--users", "20")).isEqualTo(SimulateCommand.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--server URL is required");
        assertThat(run(Map.of(), "--server", "http://localhost:1", "--password", "x", "--users", "0"))
                .isEqualTo(SimulateCommand.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("users must be from 1 to 10000");
        assertThat(run(Map.of(), "--server", "http://localhost:1", "--password", "x", "--strategy", "stampede"))
                .isEqualTo(SimulateCommand.USAGE);
        assertThat(run(Map.of(), "--server", "http://localhost:1", "--password", "x", "--frobnicate", "1"))
                .isEqualTo(SimulateCommand.USAGE);
        assertThat(run(Map.of(), "--help")).isEqualTo(SimulateCommand.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--strategy S");
    }

    @Test
    void anUnreachableServerExitsThree() {
        assertThat(run(Map.of(), "--server", "http://127.0.0.1:9", "--password", "x")).isEqualTo(SimulateCommand.RUN_FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Cannot reach the Curtain server");
    }

    @Test
    void durationsReadAsPeopleWriteThem() {
        assertThat(SimulateCommand.Options.duration("30s").toSeconds()).isEqualTo(30);
        assertThat(SimulateCommand.Options.duration("2m").toSeconds()).isEqualTo(120);
        assertThat(SimulateCommand.Options.duration("45").toSeconds()).isEqualTo(45);
        assertThat(SimulateCommand.Options.duration("1500ms").toMillis()).isEqualTo(1500);
    }
}
