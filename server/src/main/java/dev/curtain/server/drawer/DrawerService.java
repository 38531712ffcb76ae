package dev.curtain.server.drawer;

import dev.curtain.model.drawer.DrawerCloseRequest;
import dev.curtain.model.drawer.DrawerOpenRequest;
import dev.curtain.model.drawer.DrawerSession;
import dev.curtain.server.audit.AuditLog;
import dev.curtain.server.auth.Roles;
import dev.curtain.server.db.Database;
import dev.curtain.server.db.Database.DataAccessFailure;
import dev.curtain.server.drawer.DrawerStore.Open;
import dev.curtain.server.payment.PaymentsConfiguration;
import dev.curtain.server.web.DomainException;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Cash at the counter. A staff member opens a drawer with a float; every cash sale and cash refund
 * they take is a movement of that drawer, written in the sale's own transaction; closing with the
 * counted cash shows over or short. Cash is never taken without an open drawer (409 DRAWER_CLOSED),
 * so the cash-up always accounts for every coin.
 */
@Singleton
public class DrawerService {

    private static final Set<String> STAFF = Set.of(Roles.ADMIN, Roles.MANAGER, Roles.CLERK);
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private final Database db;
    private final DrawerStore store;
    private final AuditLog audit;
    private final PaymentsConfiguration config;

    public DrawerService(Database db, DrawerStore store, AuditLog audit, PaymentsConfiguration config) {
        this.db = db;
        this.store = store;
        this.audit = audit;
        this.config = config;
    }

    public DrawerSession open(String principal, Collection<String> roles, DrawerOpenRequest request) {
        requireStaff(roles);
        Long floatMinor = request == null ? null : request.floatMinor();
        if (floatMinor == null || floatMinor < 0) {
            throw DomainException.invalid("floatMinor", "Say how much cash the drawer starts with (floatMinor, 0 or more).");
        }
        String currency = request.currency() == null ? config.drawerCurrency() : request.currency().toUpperCase(Locale.ROOT);
        if (!CURRENCY.matcher(currency).matches()) {
            throw DomainException.invalid("currency", "'" + request.currency() + "' is not an ISO 4217 currency code.");
        }
        try {
            return db.write(c -> {
                long id = store.open(c, principal, currency, floatMinor);
                audit.append(c, principal, "DRAWER_OPEN", "drawer:" + id, Map.of("floatMinor", floatMinor, "currency", currency));
                return store.load(c, id).orElseThrow();
            });
        } catch (DataAccessFailure e) {
            if (e.isUniqueViolation()) {
                throw DomainException.conflict("DRAWER_ALREADY_OPEN", "Your drawer is already open; close it before opening another.");
            }
            throw e;
        }
    }

    public DrawerSession current(String principal) {
        return db.read(c -> {
            var id = store.findOpen(c, principal);
            return id.isPresent() ? store.load(c, id.get()) : java.util.Optional.<DrawerSession>empty();
        }).orElseThrow(() -> DomainException.notFound("DRAWER_CLOSED", "You have no open cash drawer."));
    }

    public DrawerSession close(String principal, Collection<String> roles, DrawerCloseRequest request) {
        requireStaff(roles);
        Long counted = request == null ? null : request.countedMinor();
        if (counted == null || counted < 0) {
            throw DomainException.invalid("countedMinor", "Say how much cash you counted in the drawer (countedMinor).");
        }
        String note = request.note() == null || request.note().isBlank() ? null : request.note().strip();
        if (note != null && note.length() > 500) {
            throw DomainException.invalid("note", "The note may have at most 500 characters.");
        }
        return db.write(c -> {
            Open open = store.lockOpen(c, principal).orElseThrow(DrawerService::closed);
            DrawerSession before = store.load(c, open.id()).orElseThrow();
            store.close(c, open.id(), counted, before.expectedMinor(), note);
            DrawerSession closed = store.load(c, open.id()).orElseThrow();
            audit.append(c, principal, "DRAWER_CLOSE", "drawer:" + open.id(), Map.of("expectedMinor",
                    closed.expectedMinor(), "countedMinor", counted, "overShortMinor", closed.overShortMinor()));
            return closed;
        });
    }

    /**
     * Takes cash into (positive) or out of (negative) the caller's open drawer, inside the caller's
     * transaction. Refuses without an open drawer, in another currency, or when the drawer does not
     * hold the cash to pay out.
     */
    public void take(Connection c, String principal, String currency, long paymentId, String bookingId, long amountMinor)
            throws SQLException {
        Open open = store.lockOpen(c, principal).orElseThrow(DrawerService::closed);
        if (!open.currency().equals(currency)) {
            throw DomainException.conflict("DRAWER_CURRENCY_MISMATCH",
                    "Your drawer holds " + open.currency() + "; this sale is in " + currency + ".");
        }
        if (amountMinor < 0) {
            long inDrawer = store.load(c, open.id()).orElseThrow().expectedMinor();
            if (inDrawer < -amountMinor) {
                throw DomainException.conflict("NOT_ENOUGH_CASH", "Your drawer should hold " + money(inDrawer)
                        + " " + currency + ", less than the " + money(-amountMinor) + " to pay out.");
            }
        }
        store.move(c, open.id(), paymentId, bookingId, amountMinor, principal);
    }

    /** Pays cash back into the session a sale went into while it is open; answers whether it did. */
    public boolean giveBack(Connection c, long salePaymentId, long refundPaymentId, String bookingId, long amountMinor,
                            String by) throws SQLException {
        var session = store.openSessionOfPayment(c, salePaymentId);
        if (session.isEmpty()) {
            return false;
        }
        store.move(c, session.get(), refundPaymentId, bookingId, amountMinor, by);
        return true;
    }

    private static DomainException closed() {
        return DomainException.conflict("DRAWER_CLOSED", "Open your cash drawer (POST /api/drawer/open) before taking or paying out cash.");
    }

    private static void requireStaff(Collection<String> roles) {
        if (roles.stream().noneMatch(STAFF::contains)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "FORBIDDEN", "Only box-office staff have cash drawers.");
        }
    }

    static String money(long minor) {
        return String.format(Locale.ROOT, "%d.%02d", minor / 100, Math.abs(minor % 100));
    }
}
