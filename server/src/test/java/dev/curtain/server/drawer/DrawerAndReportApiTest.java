package dev.curtain.server.drawer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.curtain.model.booking.Approval;
import dev.curtain.model.booking.Booking;
import dev.curtain.model.booking.BookingRequest;
import dev.curtain.model.booking.ExchangeRequest;
import dev.curtain.model.booking.PaymentMethod;
import dev.curtain.model.booking.PaymentRequest;
import dev.curtain.model.booking.RefundRequest;
import dev.curtain.model.drawer.DrawerSession;
import dev.curtain.model.event.Event;
import dev.curtain.model.hold.Hold;
import dev.curtain.model.report.DayReport;
import dev.curtain.model.report.ReportLine;
import dev.curtain.server.payment.PaymentRecovery;
import dev.curtain.server.testing.Api;
import dev.curtain.server.testing.ServerTest;
import dev.curtain.server.testing.TestData;
import dev.curtain.server.testing.TestInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Cash drawers, the day report, and a server without Stripe configured. */
class DrawerAndReportApiTest extends ServerTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private String show;
    private String matinee;
    private String manager;
    private String clerk;

    @BeforeEach
    void performances() {
        manager = login("manager");
        clerk = login("clerk");
        api.post("/api/venues", TestData.hall("hall", 4, 10), manager);
        show = api.post("/api/events", TestData.event("hall", "Show", Instant.parse("2031-05-01T19:30:00Z")), manager)
                .as(Event.class).id();
        matinee = api.post("/api/events", TestData.event("hall", "Matinee", Instant.parse("2031-05-02T14:00:00Z")), manager)
                .as(Event.class).id();
    }

    private Api.Response sell(String eventId, String token, PaymentRequest payment, String... seats) {
        return api.post("/api/bookings", new BookingRequest(holdOf(eventId, token, seats).holdId(), null, payment, null), token,
                UUID.randomUUID().toString());
    }

    private Booking sold(String eventId, String token, PaymentRequest payment, String... seats) {
        Api.Response r = sell(eventId, token, payment, seats);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.as(Booking.class);
    }

    private static HttpResponse<byte[]> raw(String path, String token, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Authorization", "Bearer " + token);
        if (accept != null) {
            b.header("Accept", accept);
        }
        return HTTP.send(b.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void cashUpShowsWhatTheDrawerShouldHoldAndWhetherItIsOverOrShort() {
        assertThat(api.post("/api/drawer/open", Map.of("floatMinor", 1000), login("kiosk")).status()).isEqualTo(403);
        Api.Response none = api.get("/api/drawer", clerk);
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.code()).isEqualTo("DRAWER_CLOSED");

        // No cash without an open drawer; the hold stays usable.
        Hold h = holdOf(show, clerk, "HALL-C-1");
        Api.Response refused = api.post("/api/bookings", new BookingRequest(h.holdId(), null, PaymentRequest.cash(5000), null),
                clerk, "no-drawer");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("DRAWER_CLOSED");
        assertThat(api.get("/api/holds/" + h.holdId(), clerk).status()).isEqualTo(200);

        assertThat(api.post("/api/drawer/open", Map.of("floatMinor", -1), clerk).status()).isEqualTo(400);
        assertThat(api.post("/api/drawer/open", Map.of("floatMinor", 5, "currency", "euro"), clerk).status()).isEqualTo(400);
        Api.Response opened = api.post("/api/drawer/open", Map.of("floatMinor", 10_000), clerk);
        assertThat(opened.status()).as(opened.text()).isEqualTo(201);
        assertThat(opened.as(DrawerSession.class).currency()).isEqualTo("EUR");
        assertThat(api.post("/api/drawer/open", Map.of("floatMinor", 0), clerk).code()).isEqualTo("DRAWER_ALREADY_OPEN");

        Booking first = api.post("/api/bookings", new BookingRequest(h.holdId(), null, PaymentRequest.cash(5000), null),
                clerk, "with-drawer").as(Booking.class);                    // 20.00, 30.00 change
        sold(show, clerk, PaymentRequest.cash(3000), "HALL-A-1");          // 30.00
        sold(show, clerk, PaymentRequest.card("T-77"), "HALL-C-2");        // card: not in the drawer
        api.post("/api/bookings/" + first.id() + "/refund", new RefundRequest(null, "changed plans"), clerk);

        DrawerSession open = api.get("/api/drawer", clerk).as(DrawerSession.class);
        assertThat(open.floatMinor()).isEqualTo(10_000);
        assertThat(open.cashSalesMinor()).isEqualTo(5000);
        assertThat(open.cashRefundsMinor()).isEqualTo(2000);
        assertThat(open.movements()).isEqualTo(3);
        assertThat(open.expectedMinor()).isEqualTo(13_000);
        assertThat(open.closedAt()).isNull();

        assertThat(api.post("/api/drawer/close", Map.of(), clerk).status()).isEqualTo(400);
        Api.Response closing = api.post("/api/drawer/close", Map.of("countedMinor", 12_950, "note", "coin missing"), clerk);
        assertThat(closing.status()).as(closing.text()).isEqualTo(200);
        DrawerSession closed = closing.as(DrawerSession.class);
        assertThat(closed.expectedMinor()).isEqualTo(13_000);
        assertThat(closed.countedMinor()).isEqualTo(12_950);
        assertThat(closed.overShortMinor()).isEqualTo(-50);
        assertThat(closed.closedAt()).isNotNull();
        assertThat(api.post("/api/drawer/close", Map.of("countedMinor", 1), clerk).code()).isEqualTo("DRAWER_CLOSED");
        assertThat(api.get("/api/drawer", clerk).status()).isEqualTo(404);

        DrawerSession next = api.post("/api/drawer/open", Map.of("floatMinor", 2000), clerk).as(DrawerSession.class);
        sold(show, clerk, PaymentRequest.cash(2000), "HALL-C-3");
        DrawerSession over = api.post("/api/drawer/close", Map.of("countedMinor", 4100), clerk).as(DrawerSession.class);
        assertThat(over.id()).isNotEqualTo(closed.id()).isEqualTo(next.id());
        assertThat(over.overShortMinor()).isEqualTo(100);
    }

    @Test
    void theDayReportCountsSalesRefundsCompsAndExchangesPerClerkAndPerformance() throws Exception {
        api.post("/api/drawer/open", Map.of("floatMinor", 5000), clerk);
        Booking cash = sold(show, clerk, PaymentRequest.cash(2000), "HALL-C-1");           // cash 20.00
        Booking card = sold(show, clerk, PaymentRequest.card("T-1"), "HALL-C-2");          // card 20.00
        Hold upgrade = holdOf(show, clerk, "HALL-A-3");                                       // premium 30.00
        Api.Response exchanged = api.post("/api/bookings/" + card.id() + "/exchange",
                new ExchangeRequest(null, upgrade.holdId(), null, PaymentRequest.cash(1000), "upgrade"), clerk);
        assertThat(exchanged.status()).as(exchanged.text()).isEqualTo(201);            // + cash 10.00
        api.post("/api/bookings/" + cash.id() + "/refund", new RefundRequest(null, "ill"), clerk); // - cash 20.00
        sold(matinee, manager, new PaymentRequest(PaymentMethod.COMP, null, null, null), "HALL-A-1");
        sold(matinee, clerk, new PaymentRequest(PaymentMethod.COMP, null, null,
                new Approval("manager", TestInfrastructure.DEMO_PASSWORD)), "HALL-A-2");

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        Api.Response r = api.get("/api/reports/day?date=" + today, manager);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        DayReport report = r.as(DayReport.class);
        assertThat(report.date()).hasToString(today);
        ReportLine byClerk = line(report.clerks(), "clerk");
        assertThat(byClerk.label()).isEqualTo("clerk");
        assertThat(byClerk.salesByMethod()).containsEntry("CASH", 3000L).containsEntry("CARD_TERMINAL", 2000L)
                .containsEntry("STRIPE", 0L);
        assertThat(byClerk.salesMinor()).isEqualTo(5000);
        assertThat(byClerk.refundsByMethod()).containsEntry("CASH", 2000L);
        assertThat(byClerk.refundsMinor()).isEqualTo(2000);
        assertThat(byClerk.netMinor()).isEqualTo(3000);
        assertThat(byClerk.exchanges()).isEqualTo(1);
        assertThat(byClerk.comps()).isEqualTo(1);
        assertThat(line(report.clerks(), "manager").comps()).isEqualTo(1);
        assertThat(line(report.clerks(), "manager").salesMinor()).isZero();

        ReportLine byShow = line(report.performances(), show);
        assertThat(byShow.label()).startsWith("Show");
        assertThat(byShow.salesByMethod()).containsEntry("CASH", 3000L).containsEntry("CARD_TERMINAL", 2000L);
        assertThat(byShow.refundsMinor()).isEqualTo(2000);
        assertThat(byShow.exchanges()).isEqualTo(1);
        assertThat(line(report.performances(), matinee).comps()).isEqualTo(2);
        assertThat(report.drawers()).singleElement().satisfies(d -> {
            assertThat(d.clerk()).isEqualTo("clerk");
            assertThat(d.expectedMinor()).isEqualTo(5000 + 3000 - 2000);
        });

        HttpResponse<byte[]> csv = raw("/api/reports/day?date=" + today, manager, "text/csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("section,key,label,currency,sales_cash,sales_card_terminal,sales_stripe,sales_total,");
        assertThat(text).contains("\r\nclerk,clerk,clerk,EUR,30.00,20.00,0.00,50.00,20.00,0.00,0.00,20.00,30.00,1,1\r\n");
        assertThat(text).contains("performance," + matinee + ",");
        assertThat(text).contains("\r\ndrawer,");
        HttpResponse<byte[]> csvFile = raw("/api/reports/day.csv?date=" + today, manager, null);
        assertThat(new String(csvFile.body(), StandardCharsets.UTF_8)).isEqualTo(text);
        assertThat(csvFile.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("curtain-day-" + today + ".csv");

        HttpResponse<byte[]> pdf = raw("/api/reports/day.pdf?date=" + today, manager, null);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(pdf.body().length).isGreaterThan(1000);

        assertThat(api.get("/api/reports/day?date=" + today, clerk).status()).isEqualTo(403);
        Api.Response badDate = api.get("/api/reports/day?date=yesterday", manager);
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.json().path("field").asText()).isEqualTo("date");
        assertThat(api.get("/api/reports/day?zone=Mars/Olympus", manager).status()).isEqualTo(400);
        DayReport empty = api.get("/api/reports/day?date=2001-01-01", manager).as(DayReport.class);
        assertThat(empty.clerks()).isEmpty();
        assertThat(empty.drawers()).isEmpty();
    }

    @Test
    void exchangeCreditLeftOverAndLaterRefundsGoBackInCashTheWayTheyCame() {
        api.post("/api/drawer/open", Map.of("floatMinor", 0), clerk);
        Booking premium = sold(show, clerk, PaymentRequest.cash(3000), "HALL-A-1");             // 30.00 in
        Hold cheaper = holdOf(show, clerk, "HALL-C-1");                                             // 20.00
        Booking moved = api.post("/api/bookings/" + premium.id() + "/exchange",
                new ExchangeRequest(null, cheaper.holdId(), null, null, "cheaper seat"), clerk).as(Booking.class);
        assertThat(moved.payments()).extracting(p -> p.method() + " " + p.amountMinor())
                .containsExactly("EXCHANGE_CREDIT 2000");
        assertThat(api.get("/api/bookings/" + premium.id(), clerk).as(Booking.class).payments())
                .extracting(p -> p.kind() + " " + p.method() + " " + p.amountMinor())
                .containsExactly("PAYMENT CASH 3000", "REFUND EXCHANGE_CREDIT -2000", "REFUND CASH -1000");
        assertThat(api.get("/api/drawer", clerk).as(DrawerSession.class).expectedMinor()).isEqualTo(2000);

        // Refunding the new booking follows the credit back to the cash the customer first paid.
        api.post("/api/bookings/" + moved.id() + "/refund", new RefundRequest(null, "cannot come"), clerk);
        assertThat(api.get("/api/bookings/" + premium.id(), clerk).as(Booking.class).payments())
                .extracting(p -> p.kind() + " " + p.method() + " " + p.amountMinor())
                .endsWith("REFUND CASH -2000");
        assertThat(api.get("/api/drawer", clerk).as(DrawerSession.class).expectedMinor()).isZero();
    }

    private static ReportLine line(List<ReportLine> lines, String key) {
        return lines.stream().filter(l -> l.key().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no line " + key + " in " + lines));
    }

    @Test
    void withoutStripeSecretsCardPaymentIsCleanlyUnavailableAndEverythingElseWorks() {
        Api.Response card = sell(show, guest(), PaymentRequest.stripe(), "HALL-B-1");
        assertThat(card.status()).isEqualTo(422);
        assertThat(card.isProblem()).isTrue();
        assertThat(card.code()).isEqualTo("PAYMENT_METHOD_UNAVAILABLE");
        assertThat(card.json().path("detail").asText()).contains("STRIPE_SECRET_KEY");

        Api.Response hook = api.post("/api/payments/stripe/webhook", "{\"id\":\"evt_1\"}", null);
        assertThat(hook.status()).isEqualTo(422);
        assertThat(hook.isProblem()).isTrue();
        assertThat(hook.code()).isEqualTo("PAYMENT_METHOD_UNAVAILABLE");
        JsonNode stuck = api.get("/api/payments/stuck", manager).json();
        assertThat(stuck).isEmpty();
        assertThat(server.context().getBean(PaymentRecovery.class).run()).isZero();
        assertThat(sell(show, clerk, PaymentRequest.card("T-5"), "HALL-B-2").status()).isEqualTo(201);
    }
}
