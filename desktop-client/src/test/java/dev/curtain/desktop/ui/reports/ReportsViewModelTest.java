package dev.curtain.desktop.ui.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curtain.desktop.client.CurtainClient;
import dev.curtain.desktop.testing.LiveServer;
import dev.curtain.desktop.ui.common.BackgroundTasks;
import dev.curtain.model.booking.BookingRequest;
import dev.curtain.model.booking.PaymentRequest;
import dev.curtain.model.event.Event;
import dev.curtain.model.hold.Hold;
import dev.curtain.model.hold.HoldRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportsViewModelTest {

    @TempDir
    Path folder;

    @Test
    void dayReportIsShownAndExportedAsCsvAndPdf() throws Exception {
        Event show = LiveServer.newPerformance();
        CurtainClient clerk = LiveServer.signedIn("clerk");
        Hold hold = clerk.hold(show.id(), HoldRequest.seats(List.of("HALL-B-9")));
        clerk.confirm(new BookingRequest(hold.holdId(), null, PaymentRequest.card("T-42"), null), UUID.randomUUID().toString());

        ReportsViewModel vm = new ReportsViewModel(LiveServer.signedIn("manager"), BackgroundTasks.IMMEDIATE);
        vm.loadDay(LocalDate.now());
        assertThat(vm.dayProperty().get()).contains("Per clerk").contains("clerk").contains("Per performance");
        vm.exportDay(LocalDate.now(), "csv", folder);
        vm.exportDay(LocalDate.now(), "pdf", folder);
        assertThat(Files.readString(folder.resolve("day-" + LocalDate.now() + ".csv"))).contains("clerk");
        assertThat(new String(Files.readAllBytes(folder.resolve("day-" + LocalDate.now() + ".pdf")), 0, 5)).isEqualTo("%PDF-");

        vm.load(show.id());
        assertThat(vm.figuresProperty().get()).contains("sold 1");
        assertThat(vm.integrityProperty().get()).contains("OK");
    }
}
