package dev.curtain.desktop.ui.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curtain.desktop.client.CurtainClient;
import dev.curtain.desktop.testing.LiveServer;
import dev.curtain.desktop.ui.common.BackgroundTasks;
import dev.curtain.model.booking.Booking;
import dev.curtain.model.booking.PaymentMethod;
import dev.curtain.model.event.Event;
import dev.curtain.model.hold.Hold;
import dev.curtain.model.hold.HoldRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PaymentViewModelTest {

    @Test
    void changeDueFollowsTheTenderedCash() {
        PaymentViewModel vm = new PaymentViewModel(null, BackgroundTasks.IMMEDIATE, "h", 4550, "EUR", Map.of(), b -> { });
        vm.tenderedProperty().set("50");
        assertThat(vm.changeDueProperty().get()).isEqualTo("Change due 4.50 EUR");
        vm.tenderedProperty().set("40");
        assertThat(vm.changeDueProperty().get()).isEqualTo("Short by 5.50 EUR");
        vm.methodProperty().set(PaymentMethod.CARD_TERMINAL);
        assertThat(vm.changeDueProperty().get()).isEmpty();
    }

    @Test
    void aRetryAfterAnUnreachableServerReusesTheKeyARefusalDoesNot() {
        CurtainClient nowhere = new CurtainClient("http://127.0.0.1:9");
        PaymentViewModel vm = new PaymentViewModel(nowhere, BackgroundTasks.IMMEDIATE, "e.h", 1000, "EUR", Map.of(), b -> { });
        String key = vm.idempotencyKey();
        vm.confirm();
        assertThat(vm.errorProperty().get()).contains("cannot be reached");
        assertThat(vm.idempotencyKey()).isEqualTo(key);

        vm.tenderedProperty().set("5");
        vm.confirm();
        assertThat(vm.errorProperty().get()).contains("less than the total");
        vm.methodProperty().set(PaymentMethod.CARD_TERMINAL);
        vm.confirm();
        assertThat(vm.errorProperty().get()).contains("reference");
    }

    @Test
    void cardOnlineWithoutStripeConfiguredSaysSoAndKeepsTheCart() throws Exception {
        Event show = LiveServer.newPerformance();
        CurtainClient clerk = LiveServer.signedIn("clerk");
        Hold hold = clerk.hold(show.id(), HoldRequest.seats(List.of("HALL-D-9")));
        AtomicReference<Booking> sold = new AtomicReference<>();
        PaymentViewModel vm = new PaymentViewModel(clerk, BackgroundTasks.IMMEDIATE, hold.holdId(), 2000, "EUR", Map.of(), sold::set);
        vm.methodProperty().set(PaymentMethod.STRIPE);
        vm.confirm();
        assertThat(sold.get()).isNull();
        assertThat(vm.errorProperty().get()).contains("not available");
        assertThat(clerk.seats(show.id()).held()).containsExactly("HALL-D-9");
    }

    @Test
    void cashSaleAgainstARealServerAndADoubleClickSellsOnce() throws Exception {
        Event show = LiveServer.newPerformance();
        CurtainClient clerk = LiveServer.signedIn("clerk");
        if (clerk.drawer().isEmpty()) {
            clerk.openDrawer(10_000);
        }
        Hold hold = clerk.hold(show.id(), HoldRequest.seats(List.of("HALL-C-1", "HALL-C-2")));
        AtomicReference<Booking> sold = new AtomicReference<>();
        PaymentViewModel vm = new PaymentViewModel(clerk, BackgroundTasks.IMMEDIATE, hold.holdId(), 3000, "EUR",
                Map.of("HALL-C-2", "child"), sold::set);
        vm.tenderedProperty().set("50");
        vm.confirm();
        assertThat(sold.get()).isNotNull();
        assertThat(sold.get().totalMinor()).isEqualTo(3000);
        assertThat(sold.get().payments().get(0).changeMinor()).isEqualTo(2000);

        Booking first = sold.get();
        vm.confirm(); // the second click of a double click: same key, same body → same booking
        assertThat(sold.get().id()).isEqualTo(first.id());
    }
}
