package dev.curtain.desktop.ui.seatmap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curtain.desktop.testing.Screenshots;
import dev.curtain.model.live.SeatStatus;
import dev.curtain.model.venue.Seat;
import dev.curtain.model.venue.Venue;
import dev.curtain.server.demo.DemoVenues;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** Draws each demo venue with a realistic mix of seat states and keeps the pictures. */
class SeatMapScreenshotsTest {

    private final FxRobot robot = new FxRobot();

    @Test
    void everyDemoVenueDrawsInBothPalettes() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        for (Venue venue : DemoVenues.all()) {
            SeatMapModel model = new SeatMapModel(venue);
            Random random = new Random(7);
            for (Seat seat : venue.seats()) {
                double r = random.nextDouble();
                if (r < 0.35) {
                    model.setStatus(seat.id(), SeatStatus.SOLD, false);
                } else if (r < 0.42) {
                    model.setStatus(seat.id(), SeatStatus.HELD, false);
                } else if (r < 0.44) {
                    model.setStatus(seat.id(), SeatStatus.BLOCKED, false);
                }
            }
            venue.seats().stream().filter(s -> model.display(s.id()) == SeatMapModel.Display.AVAILABLE).limit(3)
                    .forEach(s -> model.setStatus(s.id(), SeatStatus.HELD, true));
            for (SeatMapPalette palette : new SeatMapPalette[]{SeatMapPalette.LIGHT, SeatMapPalette.DARK}) {
                String name = "seatmap-" + venue.kind().name().toLowerCase() + (palette == SeatMapPalette.DARK ? "-dark" : "");
                Path[] saved = new Path[1];
                robot.interact(() -> {
                    SeatMapCanvas canvas = new SeatMapCanvas();
                    canvas.setPalette(palette);
                    Scene scene = new Scene(new StackPane(canvas), 1000, 640);
                    stage.setScene(scene);
                    stage.show();
                    canvas.setModel(model);
                    canvas.fitToWindow();
                });
                robot.interact(() -> saved[0] = Screenshots.save(stage.getScene(), name));
                assertThat(Files.size(saved[0])).isGreaterThan(10_000);
            }
        }
        FxToolkit.cleanupStages();
    }
}
