package dev.curtain.server.payment;

import dev.curtain.model.booking.PaymentMethod;
import dev.curtain.model.booking.PaymentRequest;
import dev.curtain.server.auth.PasswordHasher;
import dev.curtain.server.auth.Roles;
import dev.curtain.server.auth.StaffAccount;
import dev.curtain.server.auth.StaffAccounts;
import dev.curtain.server.db.Database;
import dev.curtain.server.web.DomainException;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a counter payment against the amount due and the caller's role: cash (tendered → change
 * due), card terminal (reference), comp (a manager, or a clerk with a manager's sign-off).
 */
@Singleton
public class CounterPayments {

    private static final Set<String> CASH_ROLES = Set.of(Roles.ADMIN, Roles.MANAGER, Roles.CLERK);
    private static final Set<String> CARD_ROLES = Set.of(Roles.ADMIN, Roles.MANAGER, Roles.CLERK, Roles.KIOSK);
    private static final Set<String> MANAGERS = Set.of(Roles.ADMIN, Roles.MANAGER);

    /** What is recorded: {@code amountMinor} is what the booking costs after the method (0 for comps). */
    public record Settlement(PaymentMethod method, long amountMinor, Long tenderedMinor, Long changeMinor,
                             String reference, String approvedBy) {
    }

    private final Database db;
    private final StaffAccounts accounts;
    private final PasswordHasher hasher;

    public CounterPayments(Database db, StaffAccounts accounts, PasswordHasher hasher) {
        this.db = db;
        this.accounts = accounts;
        this.hasher = hasher;
    }

    public Settlement settle(PaymentRequest payment, long dueMinor, String principal, Collection<String> roles) {
        if (payment == null || payment.method() == null) {
            throw invalid("payment.method", "A payment with a method (CASH, CARD_TERMINAL or COMP) is required.");
        }
        return switch (payment.method()) {
            case CASH -> cash(payment, dueMinor, roles);
            case CARD_TERMINAL -> card(payment, dueMinor, roles);
            case COMP -> comp(payment, principal, roles);
            case STRIPE -> throw new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, "PAYMENT_METHOD_UNAVAILABLE",
                    "Card payment through Stripe is not available on this server.", "payment.method", null);
            case EXCHANGE_CREDIT -> throw invalid("payment.method", "EXCHANGE_CREDIT is recorded by exchanges, not paid with.");
        };
    }

    private static Settlement cash(PaymentRequest p, long due, Collection<String> roles) {
        requireRole(roles, CASH_ROLES, "Cash is taken at a staffed counter only.");
        Long tendered = p.tenderedMinor();
        if (tendered == null) {
            throw invalid("payment.tenderedMinor", "Say how much cash was tendered (tenderedMinor).");
        }
        if (tendered < 0) {
            throw invalid("payment.tenderedMinor", "Tendered cash cannot be negative.");
        }
        if (tendered < due) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "TENDERED_TOO_LOW", "Tendered " + money(tendered)
                    + " is less than the total " + money(due) + ".", "payment.tenderedMinor", null);
        }
        return new Settlement(p.method(), due, tendered, tendered - due, null, null);
    }

    private static Settlement card(PaymentRequest p, long due, Collection<String> roles) {
        requireRole(roles, CARD_ROLES, "Card-terminal payments are taken at a counter or kiosk only.");
        if (p.reference() == null || p.reference().isBlank() || p.reference().length() > 100) {
            throw invalid("payment.reference", "A card-terminal payment needs the terminal's reference (1-100 characters).");
        }
        return new Settlement(p.method(), due, null, null, p.reference().strip(), null);
    }

    private Settlement comp(PaymentRequest p, String principal, Collection<String> roles) {
        if (roles.stream().anyMatch(MANAGERS::contains)) {
            return new Settlement(p.method(), 0, null, null, null, principal);
        }
        requireRole(roles, CASH_ROLES, "Complimentary tickets are given at a staffed counter only.");
        if (p.approval() == null || p.approval().username() == null || p.approval().password() == null) {
            throw new DomainException(HttpStatus.FORBIDDEN, "COMP_NEEDS_MANAGER",
                    "A complimentary ticket needs a manager's approval.", "payment.approval", null);
        }
        Optional<StaffAccount> manager = db.read(c -> accounts.find(c, p.approval().username()))
                .filter(StaffAccount::active)
                .filter(a -> MANAGERS.contains(a.role().name()));
        boolean approved = manager.isPresent()
                ? hasher.matches(p.approval().password(), manager.get().passwordHash())
                : hasher.matchesNothing(p.approval().password());
        if (!approved) {
            throw new DomainException(HttpStatus.FORBIDDEN, "COMP_NEEDS_MANAGER",
                    "The manager approval was not accepted.", "payment.approval", null);
        }
        return new Settlement(p.method(), 0, null, null, null, manager.get().username());
    }

    private static void requireRole(Collection<String> roles, Set<String> allowed, String detail) {
        if (roles.stream().noneMatch(allowed::contains)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "PAYMENT_METHOD_NOT_ALLOWED", detail, "payment.method", null);
        }
    }

    private static DomainException invalid(String field, String detail) {
        return new DomainException(HttpStatus.BAD_REQUEST, "INVALID_PAYMENT", detail, field, null);
    }

    static String money(long minor) {
        return String.format(java.util.Locale.ROOT, "%d.%02d", minor / 100, Math.abs(minor % 100));
    }
}
