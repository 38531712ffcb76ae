package dev.curtain.desktop.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curtain.desktop.CurtainApp;
import dev.curtain.desktop.client.CurtainClient;
import dev.curtain.desktop.testing.LiveServer;
import dev.curtain.desktop.testing.Screenshots;
import dev.curtain.desktop.ui.sale.SaleViewModel;
import dev.curtain.desktop.ui.seatmap.SeatMapCanvas;
import dev.curtain.desktop.ui.seatmap.SeatMapModel;
import dev.curtain.model.booking.Booking;
import dev.curtain.model.event.Event;
import dev.curtain.model.hold.HoldRequest;
import dev.curtain.model.venue.Seat;
import dev.curtain.server.testing.TestInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The counter flow on a real server, headless: sign in, open a performance, click seats, see
 * another terminal's hold appear live, sell for cash, find the booking and refund it.
 */
class CounterSaleUiTest {

    private final FxRobot robot = new FxRobot();

    @AfterEach
    void closeApp() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void signInSellForCashSeeOthersLiveAndRefund() throws Exception {
        Event show = LiveServer.newPerformance("Counter Test", Instant.now().plus(Duration.ofHours(30)));
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupApplication(CurtainApp.class, "--server=" + LiveServer.url());
        Stage stage = (Stage) Window.getWindows().get(0);
        robot.interact(() -> stage.setWidth(1280));
        robot.interact(() -> stage.setHeight(800));

        robot.clickOn("#username").write("clerk");
        robot.clickOn("#password").write(TestInfrastructure.DEMO_PASSWORD);
        robot.clickOn("#sign-in");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> stage.getScene().getRoot() instanceof MainWindow);
        MainWindow main = (MainWindow) stage.getScene().getRoot();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> main.eventsViewModel().visibleRows().stream()
                .anyMatch(r -> r.event().id().equals(show.id()) && r.availabilityProperty().get().contains("free")));
        shot(stage.getScene(), "01-performances");

        // Cash is taken from an open drawer: open it with a float first.
        robot.clickOn("#nav-drawer");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#drawer-summary").queryAs(Label.class)
                .getText().length() > 0);
        if (robot.lookup("#drawer-open").queryButton().isVisible()) {
            robot.clickOn("#drawer-float").write("150");
            robot.clickOn("#drawer-open");
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#drawer-summary").queryAs(Label.class)
                    .getText().startsWith("Open since"));
        }
        robot.clickOn("#nav-events");
        robot.clickOn("#event-search").write("Counter Test");
        robot.type(KeyCode.DOWN).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> main.saleViewModel() != null
                && main.saleViewModel().connectionProperty().get() == SaleViewModel.Connection.LIVE);
        SaleViewModel sale = main.saleViewModel();
        SeatMapCanvas canvas = robot.lookup("#seat-map").queryAs(SeatMapCanvas.class);

        clickSeat(canvas, "HALL-C-5");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> sale.lines().size() == 1);
        clickSeat(canvas, "HALL-C-6");
        // the cart's lines change before its total is worked out, both on the FX thread: wait for both
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> sale.lines().size() == 2
                && "40.00 EUR".equals(sale.totalTextProperty().get()));

        CurtainClient otherTerminal = new CurtainClient(LiveServer.url());
        otherTerminal.guest();
        otherTerminal.hold(show.id(), HoldRequest.seats(List.of("HALL-A-3", "HALL-A-4")));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> canvas.getModel().display("HALL-A-3") == SeatMapModel.Display.HELD);
        shot(stage.getScene(), "02-sale-cart");

        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#tendered").tryQuery().isPresent());
        robot.clickOn("#tendered").write("50");
        Label change = robot.lookup("#change-due").queryAs(Label.class);
        assertThat(change.getText()).isEqualTo("Change due 10.00 EUR");
        shot(robot.lookup("#tendered").query().getScene(), "03-payment");
        robot.clickOn("#confirm-payment");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> sale.lastSaleProperty().get() != null);
        Booking booking = sale.lastSaleProperty().get();
        assertThat(booking.totalMinor()).isEqualTo(4000);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> canvas.getModel().display("HALL-C-5") == SeatMapModel.Display.SOLD);
        robot.type(KeyCode.ENTER); // closes the "Sold" message
        shot(stage.getScene(), "04-sold");

        robot.clickOn("#nav-bookings");
        robot.clickOn("#booking-query").write(booking.code()).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#refund").tryQuery().isPresent());
        robot.clickOn("#refund-reason").write("customer left early");
        shot(stage.getScene(), "05-bookings");
        robot.clickOn("#refund");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#bookings-message").queryAs(Label.class)
                .getText().startsWith("Refunded"));
        assertThat(otherTerminal.seats(show.id()).sold()).isEmpty();
    }

    private void clickSeat(SeatMapCanvas canvas, String seatId) {
        Seat seat = canvas.getModel().venue().seats().stream().filter(s -> s.id().equals(seatId)).findFirst().orElseThrow();
        Point2D onScreen = canvas.localToScreen(canvas.layoutToLocal(seat.centerX(), seat.centerY()));
        robot.clickOn(onScreen);
    }

    private void shot(Scene scene, String name) {
        robot.interact(() -> Screenshots.save(scene, name));
    }
}
