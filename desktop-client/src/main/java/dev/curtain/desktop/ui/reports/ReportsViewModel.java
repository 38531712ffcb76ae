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

    public StringProperty figuresProperty() {
        return figures;
    }

    public StringProperty integrityProperty() {
        return integrity;
    }
}
