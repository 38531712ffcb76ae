package dev.curtain.model.report;

import dev.curtain.model.drawer.DrawerSession;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The end-of-day report: takings per clerk and per performance, and the drawers opened that day. */
public record DayReport(
        LocalDate date,
        String zone,
        Instant from,
        Instant until,
        List<ReportLine> clerks,
        List<ReportLine> performances,
        List<DrawerSession> drawers) {

    public DayReport {
        clerks = clerks == null ? List.of() : clerks;
        performances = performances == null ? List.of() : performances;
        drawers = drawers == null ? List.of() : drawers;
    }
}
