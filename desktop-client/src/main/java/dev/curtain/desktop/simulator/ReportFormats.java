package dev.curtain.desktop.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.curtain.model.event.EventStats;
import dev.curtain.model.json.Json;
import dev.curtain.model.ops.IntegrityReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** A simulation report for people (text), for programs (JSON) and for spreadsheets (CSV). */
public final class ReportFormats {

    private static final ObjectMapper JSON = Json.newMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportFormats() {
    }

    public static String json(SimulationReport report) {
        try {
            return JSON.writeValueAsString(report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SimulationReport readJson(String text) throws IOException {
        return JSON.readValue(text, SimulationReport.class);
    }

    /**
     * One fact a row, in four columns: {@code section,name,metric,value}. Sections: run, config, users, requests,
     * outcome, error, latency (name = request kind), histogram (name = bar), throughput (name = second), server,
     * integrity.
     */
    public static String csv(SimulationReport r) {
        Csv csv = new Csv();
        SimulationSnapshot f = r.figures();
        SimulationConfig c = r.config();
        csv.row("run", "", "passed", r.passed());
        csv.row("run", "", "server", r.server());
        csv.row("run", "", "event_id", r.eventId());
        csv.row("run", "", "event_title", r.eventTitle());
        csv.row("run", "", "throw_away_performance", r.throwAwayPerformance());
        csv.row("run", "", "seats_offered", r.seatsOffered());
        csv.row("run", "", "ended_by", r.endedBy());
        csv.row("run", "", "started_at", r.startedAt());
        csv.row("run", "", "finished_at", r.finishedAt());
        csv.row("run", "", "elapsed_ms", f.elapsedMillis());
        csv.row("run", "", "sales_undone", r.salesUndone());
        csv.row("config", "", "strategy", c.strategy().label());
        csv.row("config", "", "mode", c.mode().label());
        csv.row("config", "", "users", c.users());
        csv.row("config", "", "seats", c.seats());
        csv.row("config", "", "seats_per_user", c.seatsPerUser());
        csv.row("config", "", "concurrency", c.concurrency());
        csv.row("config", "", "arrivals_per_second", c.mode() == LoadMode.OPEN ? c.arrivalsPerSecond() : "");
        csv.row("config", "", "duration_s", c.duration().toSeconds());
        csv.row("config", "", "max_retries", c.maxRetries());
        csv.row("config", "", "seed", c.seed());
        csv.row("users", "", "started", f.usersStarted());
        csv.row("users", "", "finished", f.usersFinished());
        csv.row("requests", "", "hold_attempts", f.attempts());
        csv.row("requests", "", "holds_acquired", f.holds());
        csv.row("requests", "", "conflicts", f.conflicts());
        csv.row("requests", "", "retries", f.retries());
        csv.row("requests", "", "errors", f.errors());
        csv.row("outcome", "", "sales", f.sales());
        csv.row("outcome", "", "seats_sold", f.seatsSold());
        csv.row("outcome", "", "abandoned", f.abandoned());
        csv.row("outcome", "", "expired", f.expired());
        csv.row("outcome", "", "sold_out", f.soldOut());
        csv.row("outcome", "", "gave_up", f.gaveUp());
        csv.row("outcome", "", "stopped", f.stopped());
        f.errorsByCode().forEach((code, n) -> csv.row("error", code, "count", n));
        f.latency().forEach((op, s) -> {
            csv.row("latency", op, "count", s.count());
            csv.row("latency", op, "mean_ms", s.meanMs());
            csv.row("latency", op, "p50_ms", s.p50Ms());
            csv.row("latency", op, "p95_ms", s.p95Ms());
            csv.row("latency", op, "p99_ms", s.p99Ms());
            csv.row("latency", op, "max_ms", s.maxMs());
        });
        f.histogram().forEach(bar -> csv.row("histogram", bar.label(), "count", bar.count()));
        for (ThroughputPoint p : f.throughput()) {
            String s = Integer.toString(p.second());
            csv.row("throughput", s, "attempts", p.attempts());
            csv.row("throughput", s, "holds", p.holds());
            csv.row("throughput", s, "conflicts", p.conflicts());
            csv.row("throughput", s, "sales", p.sales());
            csv.row("throughput", s, "errors", p.errors());
        }
        if (c.mode() == LoadMode.OPEN) {
            csv.row("arrivals", "", "target_per_second", f.arrivals().targetPerSecond());
            csv.row("arrivals", "", "arrived", f.arrivals().arrived());
            csv.row("arrivals", "", "achieved_per_second", f.arrivals().achievedPerSecond());
            csv.row("arrivals", "", "late_starts", f.arrivals().lateStarts());
        }
        EventStats s = r.serverStats();
        if (s != null) {
            csv.row("server", "", "capacity", s.capacity());
            csv.row("server", "", "available", s.available());
            csv.row("server", "", "held", s.held());
            csv.row("server", "", "sold", s.sold());
            csv.row("server", "", "blocked", s.blocked());
        }
        IntegrityReport i = r.integrity();
        if (i == null) {
            csv.row("integrity", "", "problem", r.integrityProblem());
        } else {
            csv.row("integrity", "", "ok", i.ok());
            csv.seats("double_sold", i.doubleSold());
            csv.seats("sold_missing_in_redis", i.soldMissingInRedis());
            csv.seats("sold_in_redis_only", i.soldInRedisOnly());
            csv.seats("held_but_sold", i.heldButSold());
            csv.seats("blocked_missing_in_redis", i.blockedMissingInRedis());
            csv.seats("blocked_in_redis_only", i.blockedInRedisOnly());
        }
        return csv.toString();
    }

    /** The report as the command prints it and the screen shows it. */
    public static String text(SimulationReport r) {
        SimulationSnapshot f = r.figures();
        StringBuilder out = new StringBuilder();
        line(out, "Simulation", r.config().summary());
        line(out, "Server", r.server());
        line(out, "Performance", "\"" + r.eventTitle() + "\" (" + r.eventId() + (r.throwAwayPerformance() ? ", throw-away" : "")
                + "), " + r.seatsOffered() + " seats on offer");
        line(out, "Ran", String.format(Locale.ROOT, "%.1f s, ended by %s", f.elapsedMillis() / 1000.0,
                r.endedBy().name().toLowerCase(Locale.ROOT).replace('_', ' ')));
        line(out, "Users", f.usersStarted() + " started, " + f.usersFinished() + " finished");
        line(out, "Holds", f.attempts() + " attempts, " + f.holds() + " acquired, " + f.conflicts() + " conflicts, "
                + f.retries() + " retries");
        line(out, "Sales", f.sales() + " confirmed (" + f.seatsSold() + " seats), " + f.abandoned() + " abandoned, "
                + f.expired() + " expired before payment");
        line(out, "Left empty", f.soldOut() + " found nothing left, " + f.gaveUp() + " gave up after retries, "
                + f.stopped() + " stopped by the end of the run");
        line(out, "Errors", f.errors() + (f.errorsByCode().isEmpty() ? "" : " " + f.errorsByCode()));
        if (r.config().mode() == LoadMode.OPEN) {
            SimulationSnapshot.Arrivals a = f.arrivals();
            line(out, "Arrivals", String.format(Locale.ROOT, "%d at %.2f/s (asked %.2f/s), %d started late",
                    a.arrived(), a.achievedPerSecond(), a.targetPerSecond(), a.lateStarts()));
        }
        ThroughputPoint peak = f.throughput().stream().max(java.util.Comparator.comparingLong(ThroughputPoint::attempts))
                .orElse(new ThroughputPoint(0, 0, 0, 0, 0, 0));
        line(out, "Throughput", "peak " + peak.attempts() + " hold attempts/s, " + f.throughput().stream()
                .mapToLong(ThroughputPoint::sales).max().orElse(0) + " sales/s");
        out.append(String.format(Locale.ROOT, "%-12s %-9s %7s %8s %8s %8s %8s%n", "Latency ms", "request", "count", "p50",
                "p95", "p99", "max"));
        f.latency().forEach((op, s) -> {
            if (s.count() > 0) {
                out.append(String.format(Locale.ROOT, "%-12s %-9s %7d %8.1f %8.1f %8.1f %8.1f%n", "", op, s.count(),
                        s.p50Ms(), s.p95Ms(), s.p99Ms(), s.maxMs()));
            }
        });
        EventStats s = r.serverStats();
        if (s != null) {
            line(out, "Server says", s.sold() + " sold, " + s.held() + " held, " + s.available() + " available, "
                    + s.blocked() + " blocked of " + s.capacity());
        }
        if (r.salesUndone() > 0) {
            line(out, "Undone", r.salesUndone() + " simulated sales refunded after the check");
        }
        line(out, "Integrity", r.integrityText());
        return out.toString();
    }

    public static void writeJson(SimulationReport report, Path file) throws IOException {
        Files.writeString(file, json(report), StandardCharsets.UTF_8);
    }

    public static void writeCsv(SimulationReport report, Path file) throws IOException {
        Files.writeString(file, csv(report), StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, String label, String text) {
        out.append(String.format(Locale.ROOT, "%-12s %s%n", label, text));
    }

    /** RFC 4180 cells; text that a spreadsheet would run as a formula is quoted with a leading apostrophe. */
    private static final class Csv {
        private final StringBuilder out = new StringBuilder("section,name,metric,value\r\n");

        void row(Object... cells) {
            for (int i = 0; i < cells.length; i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(cell(cells[i]));
            }
            out.append("\r\n");
        }

        /** An integrity finding: the seats concerned, space-separated (none: empty). */
        void seats(String finding, java.util.List<String> seats) {
            row("integrity", finding, "seats", seats == null ? "" : String.join(" ", seats));
        }

        private static String cell(Object value) {
            String text = value == null ? "" : value instanceof Double d ? format(d) : value.toString();
            if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !(value instanceof Number)) {
                text = "'" + text;
            }
            if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
                text = "\"" + text.replace("\"", "\"\"") + "\"";
            }
            return text;
        }

        private static String format(double d) {
            return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }
}
