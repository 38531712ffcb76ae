package dev.curtain.desktop.ui.drawer;

import dev.curtain.desktop.client.CurtainClient;
import dev.curtain.desktop.ui.common.BackgroundTasks;
import dev.curtain.desktop.ui.common.Money;
import dev.curtain.desktop.ui.common.ProblemMessages;
import dev.curtain.model.drawer.DrawerSession;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The clerk's cash drawer: open it with a float, watch what it should hold, close it with the count. */
public final class DrawerViewModel {

    private final CurtainClient client;
    private final BackgroundTasks tasks;
    private final ObjectProperty<DrawerSession> session = new SimpleObjectProperty<>();
    private final StringProperty floatText = new SimpleStringProperty("");
    private final StringProperty countedText = new SimpleStringProperty("");
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");

    public DrawerViewModel(CurtainClient client, BackgroundTasks tasks) {
        this.client = client;
        this.tasks = tasks;
    }

    public void load() {
        tasks.run(client::drawer, open -> show(open.orElse(null), ""), this::failed);
    }

    public void open() {
        Long amount = Money.parse(floatText.get());
        if (amount == null) {
            message.set("Type the float the drawer starts with, for example 150 or 150.00.");
            return;
        }
        tasks.run(() -> client.openDrawer(amount), s -> show(s, "Drawer open."), this::failed);
    }

    public void close() {
        Long counted = Money.parse(countedText.get());
        if (counted == null) {
            message.set("Count the cash in the drawer and type the amount.");
            return;
        }
        tasks.run(() -> client.closeDrawer(counted, null), closed -> {
            long diff = closed.overShortMinor() == null ? 0 : closed.overShortMinor();
            String verdict = diff == 0 ? "The drawer balances." : (diff > 0 ? "Over by " : "Short by ")
                    + Money.format(Math.abs(diff), closed.currency()) + ".";
            show(null, "Drawer closed: expected " + Money.format(closed.expectedMinor(), closed.currency())
                    + ", counted " + Money.format(counted, closed.currency()) + ". " + verdict);
        }, this::failed);
    }

    private void show(DrawerSession s, String note) {
        session.set(s);
        message.set(note);
        summary.set(s == null ? "No drawer is open. Cash can be taken once a drawer is open."
                : String.format("Open since %s%nFloat %s · cash sales %s · cash refunds %s%nExpected in the drawer: %s",
                s.openedAt(), Money.format(s.floatMinor(), s.currency()), Money.format(s.cashSalesMinor(), s.currency()),
                Money.format(s.cashRefundsMinor(), s.currency()), Money.format(s.expectedMinor(), s.currency())));
    }

    private void failed(Throwable e) {
        message.set(ProblemMessages.describe(e));
    }

    public ObjectProperty<DrawerSession> sessionProperty() {
        return session;
    }

    public StringProperty floatTextProperty() {
        return floatText;
    }

    public StringProperty countedTextProperty() {
        return countedText;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    public StringProperty messageProperty() {
        return message;
    }
}
