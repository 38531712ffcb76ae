package dev.curtain.desktop.ui.reports;

import dev.curtain.desktop.client.CurtainClient;
import dev.curtain.desktop.ui.common.BackgroundTasks;
import dev.curtain.desktop.ui.common.Money;
import dev.curtain.desktop.ui.common.ProblemMessages;
import dev.curtain.model.event.EventStats;
import dev.curtain.model.ops.IntegrityReport;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** A manager's look at one performance: sales figures and the PostgreSQL/Redis integrity check. */
public final class ReportsViewModel {

    private final CurtainClient client;
    private final BackgroundTasks tasks;
    private final StringProperty figures = new SimpleStringProperty("Choose a performance.");
    private final StringProperty integrity = new SimpleStringProperty("");
    private final StringProperty day = new SimpleStringProperty("");
    private final StringProperty dayMessage = new SimpleStringProperty("");

    public ReportsViewModel(CurtainClient client, BackgroundTasks tasks) {
        this.client = client;
        this.tasks = tasks;
    }

    public void load(String eventId) {
        record Both(EventStats stats, IntegrityReport report) {
        }
        tasks.run(() -> new Both(client.stats(eventId), client.integrity(eventId)), both -> {
            EventStats s = both.stats();
            figures.set(String.format("Capacity %d · available %d · held %d · sold %d · blocked %d%nRevenue %s",
                    s.capacity(), s.available(), s.held(), s.sold(), s.blocked(), Money.format(s.revenueMinor(), s.currency())));
            IntegrityReport r = both.report();
            integrity.set(r.ok() ? "Integrity: OK — PostgreSQL and Redis agree; no seat sold twice."
                    : "Integrity: DISAGREEMENT — double sold " + r.doubleSold() + ", sold missing in Redis "
                    + r.soldMissingInRedis() + ", sold only in Redis " + r.soldInRedisOnly() + ", held but sold "
                    + r.heldButSold() + ", blocks " + r.blockedMissingInRedis() + " / " + r.blockedInRedisOnly());
        }, failure -> figures.set(ProblemMessages.describe(failure)));
    }

    /** The end-of-day report: per clerk and per performance, sales by method, refunds, comps, exchanges. */
    public void loadDay(java.time.LocalDate date) {
        tasks.run(() -> client.dayReport(date), report -> {
            StringBuilder text = new StringBuilder();
            text.append("Per clerk\n");
            report.clerks().forEach(l -> text.append(line(l)));
            text.append("\nPer performance\n");
            report.performances().forEach(l -> text.append(line(l)));
            text.append("\nCash drawers\n");
            report.drawers().forEach(d -> text.append(String.format("  %s  float %s  expected %s  counted %s  over/short %s%n",
                    d.clerk(), Money.format(d.floatMinor(), d.currency()), Money.format(d.expectedMinor(), d.currency()),
                    d.countedMinor() == null ? "open" : Money.format(d.countedMinor(), d.currency()),
                    d.overShortMinor() == null ? "—" : Money.format(d.overShortMinor(), d.currency()))));
            day.set(text.toString());
            dayMessage.set("");
        }, failure -> dayMessage.set(ProblemMessages.describe(failure)));
    }

    /** Saves the day report as CSV or PDF under the given folder and says where. */
    public void exportDay(java.time.LocalDate date, String format, java.nio.file.Path folder) {
        tasks.run(() -> {
            java.nio.file.Files.createDirectories(folder);
            java.nio.file.Path file = folder.resolve("day-" + date + "." + format);
            java.nio.file.Files.write(file, client.dayReportFile(date, format));
            return file;
        }, file -> dayMessage.set("Saved " + file), failure -> dayMessage.set(ProblemMessages.describe(failure)));
    }

    private static String line(dev.curtain.model.report.ReportLine l) {
        return String.format("  %-28s sales %s %s · refunds %s · net %s · comps %d · exchanges %d%n", l.label(),
                Money.format(l.salesMinor(), l.currency()), l.salesByMethod(), Money.format(l.refundsMinor(), l.currency()),
                Money.format(l.netMinor(), l.currency()), l.comps(), l.exchanges());
    }

    public StringProperty dayProperty() {
        return day;
    }

    public StringProperty dayMessageProperty() {
        return dayMessage;
    }

    public StringProperty figuresProperty() {
        return figures;
    }

    public StringProperty integrityProperty() {
        return integrity;
    }
}
