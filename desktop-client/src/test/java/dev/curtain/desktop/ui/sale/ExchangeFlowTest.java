package dev.curtain.desktop.ui.sale;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curtain.desktop.client.CurtainClient;
import dev.curtain.desktop.testing.LiveServer;
import dev.curtain.desktop.ui.common.BackgroundTasks;
import dev.curtain.desktop.ui.payment.PaymentViewModel;
import dev.curtain.model.booking.Booking;
import dev.curtain.model.booking.BookingRequest;
import dev.curtain.model.booking.ExchangeRequest;
import dev.curtain.model.booking.PaymentRequest;
import dev.curtain.model.event.Event;
import dev.curtain.model.hold.Hold;
import dev.curtain.model.hold.HoldRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** An upgrade at the counter: the credit of the old seats, the difference paid in cash. */
class ExchangeFlowTest {

    @Test
    void upgradePaysTheDifference() throws Exception {
        Event show = LiveServer.newPerformance();
        CurtainClient clerk = LiveServer.signedIn("clerk");
        if (clerk.drawer().isEmpty()) {
            clerk.openDrawer(10_000);
        }
        Hold first = clerk.hold(show.id(), HoldRequest.seats(List.of("HALL-D-1", "HALL-D-2")));
        Booking standard = clerk.confirm(new BookingRequest(first.holdId(), null, PaymentRequest.cash(4000), null),
                UUID.randomUUID().toString());

        ExchangeContext exchange = ExchangeContext.of(standard, List.of());
        assertThat(exchange.seatIds()).containsExactly("HALL-D-1", "HALL-D-2");
        assertThat(exchange.creditMinor()).isEqualTo(4000);

        Hold better = clerk.hold(show.id(), HoldRequest.seats(List.of("HALL-A-5", "HALL-A-6")));
        long difference = 6000 - exchange.creditMinor();
        AtomicReference<Booking> result = new AtomicReference<>();
        PaymentViewModel pay = new PaymentViewModel(BackgroundTasks.IMMEDIATE, difference, "EUR", result::set,
                (payment, customer, key) -> clerk.exchange(standard.id(), new ExchangeRequest(exchange.seatIds(),
                        better.holdId(), Map.of(), payment, "upgrade")));
        pay.tenderedProperty().set("20");
        pay.confirm();
        assertThat(pay.errorProperty().get()).isEmpty();
        assertThat(result.get().exchangedFrom()).isEqualTo(standard.id());
        assertThat(result.get().totalMinor()).isEqualTo(6000);
        assertThat(clerk.seats(show.id()).sold()).containsExactlyInAnyOrder("HALL-A-5", "HALL-A-6");
    }
}
