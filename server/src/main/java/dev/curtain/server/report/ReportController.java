package dev.curtain.server.report;

import dev.curtain.model.report.DayReport;
import dev.curtain.server.auth.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@Controller("/api/reports")
@Tag(name = "reports")
@Secured({Roles.ADMIN, Roles.MANAGER})
@ExecuteOn(TaskExecutors.BLOCKING)
public class ReportController {

    static final String CSV = "text/csv";
    static final String PDF = "application/pdf";

    private final DayReportService reports;

    public ReportController(DayReportService reports) {
        this.reports = reports;
    }

    @Get(value = "/day", produces = {MediaType.APPLICATION_JSON, CSV})
    @Operation(summary = "End-of-day report (date=YYYY-MM-DD, zone default UTC): sales by method, refunds, comps and "
            + "exchanges per clerk and per performance, and the cash drawers; Accept: text/csv for CSV")
    public HttpResponse<?> day(@QueryValue @Nullable String date, @QueryValue @Nullable String zone,
                               @Header(HttpHeaders.ACCEPT) @Nullable String accept) {
        if (accept != null && accept.contains(CSV)) {
            return csv(date, zone);
        }
        return HttpResponse.ok(reports.day(date, zone)).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    @Get(value = "/day.csv", produces = CSV)
    @Operation(summary = "The end-of-day report as CSV")
    public HttpResponse<String> csv(@QueryValue @Nullable String date, @QueryValue @Nullable String zone) {
        DayReport report = reports.day(date, zone);
        return HttpResponse.ok(DayReportFormats.csv(report)).contentType(CSV + "; charset=utf-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"curtain-day-" + report.date() + ".csv\"");
    }

    @Get(value = "/day.pdf", produces = PDF)
    @Operation(summary = "The end-of-day report as PDF")
    public HttpResponse<byte[]> pdf(@QueryValue @Nullable String date, @QueryValue @Nullable String zone) {
        DayReport report = reports.day(date, zone);
        return HttpResponse.ok(DayReportFormats.pdf(report)).contentType(PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"curtain-day-" + report.date() + ".pdf\"");
    }
}
