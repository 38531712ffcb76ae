package dev.curtain.server.report;

import dev.curtain.model.booking.PaymentMethod;
import dev.curtain.model.report.DayReport;
import dev.curtain.model.report.ReportLine;
import dev.curtain.server.db.Database;
import dev.curtain.server.drawer.DrawerStore;
import dev.curtain.server.web.DomainException;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The end-of-day report from the payments table: money taken (succeeded payments) and given back
 * (refunds not refused) per staff member and per performance, by payment method; comps and
 * exchanges counted; and the cash drawers opened that day with their over/short. Purchases by
 * online customers (guest tokens) are one line, "online".
 */
@Singleton
public class DayReportService {

    public static final List<PaymentMethod> MONEY = List.of(PaymentMethod.CASH, PaymentMethod.CARD_TERMINAL, PaymentMethod.STRIPE);
    static final String ONLINE = "online";

    private final Database db;
    private final DrawerStore drawers;
    private final Clock clock;

    public DayReportService(Database db, DrawerStore drawers, Clock clock) {
        this.db = db;
        this.drawers = drawers;
        this.clock = clock;
    }

    private static final class Tally {
        final String key;
        final String label;
        final String currency;
        final Map<String, Long> sales = new LinkedHashMap<>();
        final Map<String, Long> refunds = new LinkedHashMap<>();
        int comps;
        int exchanges;

        Tally(String key, String label, String currency) {
            this.key = key;
            this.label = label;
            this.currency = currency;
            for (PaymentMethod m : MONEY) {
                sales.put(m.name(), 0L);
                refunds.put(m.name(), 0L);
            }
        }

        void add(String kind, PaymentMethod method, long amount, int count) {
            if ("PAYMENT".equals(kind)) {
                switch (method) {
                    case COMP -> comps += count;
                    case EXCHANGE_CREDIT -> exchanges += count;
                    default -> sales.merge(method.name(), amount, Long::sum);
                }
            } else if (method != PaymentMethod.EXCHANGE_CREDIT && method != PaymentMethod.COMP) {
                refunds.merge(method.name(), -amount, Long::sum);
            }
        }

        ReportLine line() {
            long salesTotal = sales.values().stream().mapToLong(Long::longValue).sum();
            long refundsTotal = refunds.values().stream().mapToLong(Long::longValue).sum();
            return new ReportLine(key, label, currency, sales, salesTotal, refunds, refundsTotal, salesTotal - refundsTotal,
                    comps, exchanges);
        }
    }

    public DayReport day(String date, String zone) {
        ZoneId zoneId;
        try {
            zoneId = zone == null || zone.isBlank() ? ZoneId.of("UTC") : ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw DomainException.invalid("zone", "'" + zone + "' is not a time zone (for example UTC or Europe/Berlin).");
        }
        LocalDate day;
        try {
            day = date == null || date.isBlank() ? LocalDate.now(clock.withZone(zoneId)) : LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("date", "'" + date + "' is not a date (YYYY-MM-DD).");
        }
        Instant from = day.atStartOfDay(zoneId).toInstant();
        Instant until = day.plusDays(1).atStartOfDay(zoneId).toInstant();
        Map<String, Tally> clerks = new TreeMap<>();
        Map<String, Tally> performances = new TreeMap<>();
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    select p.created_by, u.display_name, b.event_id, e.title, e.starts_at, p.currency, p.kind, p.method,
                           sum(p.amount_minor), count(*)
                    from payments p
                    join bookings b on b.id = p.booking_id
                    join events e on e.id = b.event_id
                    left join users u on u.username = p.created_by
                    where p.created_at >= ? and p.created_at < ?
                      and (p.kind = 'PAYMENT' and p.status = 'SUCCEEDED' or p.kind = 'REFUND' and p.status <> 'FAILED')
                    group by 1, 2, 3, 4, 5, 6, 7, 8
                    """)) {
                ps.setTimestamp(1, Timestamp.from(from));
                ps.setTimestamp(2, Timestamp.from(until));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        boolean staff = rs.getString(2) != null;
                        String clerk = staff ? rs.getString(1) : ONLINE;
                        String clerkLabel = staff ? rs.getString(2) : "Online customers";
                        String currency = rs.getString(6);
                        PaymentMethod method = PaymentMethod.valueOf(rs.getString(8));
                        long amount = rs.getLong(9);
                        int count = rs.getInt(10);
                        clerks.computeIfAbsent(clerk + "/" + currency, k -> new Tally(clerk, clerkLabel, currency))
                                .add(rs.getString(7), method, amount, count);
                        String eventId = rs.getString(3);
                        String label = rs.getString(4) + " (" + rs.getTimestamp(5).toInstant() + ")";
                        performances.computeIfAbsent(eventId + "/" + currency, k -> new Tally(eventId, label, currency))
                                .add(rs.getString(7), method, amount, count);
                    }
                }
            }
            List<ReportLine> clerkLines = new ArrayList<>();
            clerks.values().forEach(t -> clerkLines.add(t.line()));
            List<ReportLine> performanceLines = new ArrayList<>();
            performances.values().forEach(t -> performanceLines.add(t.line()));
            return new DayReport(day, zoneId.getId(), from, until, clerkLines, performanceLines,
                    drawers.openedBetween(c, from, until));
        });
    }
}
