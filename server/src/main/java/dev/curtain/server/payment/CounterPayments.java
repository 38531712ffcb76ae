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
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a payment against the amount due and the caller's role: cash (tendered → change due),
 * card terminal (reference), comp (a manager, or a clerk with a manager's sign-off), Stripe (when
 * configured; settled later by Stripe). A split payment is several parts that add up to the total.
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

    private static final int MAX_PARTS = 4;

    private final Database db;
    private final StaffAccounts accounts;
    private final PasswordHasher hasher;
    private final StripeGateway stripe;

    public CounterPayments(Database db, StaffAccounts accounts, PasswordHasher hasher, StripeGateway stripe) {
        this.db = db;
        this.accounts = accounts;
        this.hasher = hasher;
        this.stripe = stripe;
    }

    public Settlement settle(PaymentRequest payment, long dueMinor, String principal, Collection<String> roles) {
        return settle(payment, dueMinor, principal, roles, "payment");
    }

    /**
     * Settles one payment or a split one: the parts name their amounts (one part may leave it out
     * and take the rest) and must add up to the total. Comps are never split; at most one part is
     * paid through Stripe.
     */
    public List<Settlement> settleAll(List<PaymentRequest> parts, long dueMinor, String principal, Collection<String> roles) {
        if (parts.size() == 1) {
            PaymentRequest only = parts.get(0);
            if (only != null && only.amountMinor() != null && only.amountMinor() != dueMinor) {
                throw new DomainException(HttpStatus.BAD_REQUEST, "PAYMENT_TOTAL_MISMATCH", "The payment of "
                        + money(only.amountMinor()) + " does not match the total " + money(dueMinor) + ".",
                        "payment.amountMinor", null);
            }
            return List.of(settle(only, dueMinor, principal, roles, "payment"));
        }
        if (parts.size() > MAX_PARTS) {
            throw invalid("payments", "A payment may be split into at most " + MAX_PARTS + " parts.");
        }
        int open = -1;
        long named = 0;
        int stripeParts = 0;
        for (int i = 0; i < parts.size(); i++) {
            PaymentRequest p = parts.get(i);
            String field = "payments[" + i + "]";
            if (p == null || p.method() == null) {
                throw invalid(field + ".method", "Each part of a split payment needs a method.");
            }
            if (p.method() == PaymentMethod.COMP) {
                throw invalid(field + ".method", "A comp is the whole booking; it cannot be part of a split payment.");
            }
            if (p.method() == PaymentMethod.STRIPE && ++stripeParts > 1) {
                throw invalid(field + ".method", "At most one part may be paid through Stripe.");
            }
            if (p.amountMinor() == null) {
                if (open >= 0) {
                    throw invalid(field + ".amountMinor", "Only one part of a split payment may leave out its amount.");
                }
                open = i;
            } else if (p.amountMinor() <= 0) {
                throw invalid(field + ".amountMinor", "Each part pays a positive amount.");
            } else {
                named += p.amountMinor();
            }
        }
        long rest = dueMinor - named;
        if (open < 0 ? rest != 0 : rest <= 0) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "PAYMENT_TOTAL_MISMATCH", "The parts add up to "
                    + money(named) + (open < 0 ? "" : " before the open part") + "; the total is " + money(dueMinor) + ".",
                    "payments", null);
        }
        List<Settlement> settled = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            PaymentRequest p = parts.get(i);
            settled.add(settle(p, i == open ? rest : p.amountMinor(), principal, roles, "payments[" + i + "]"));
        }
        return settled;
    }

    private Settlement settle(PaymentRequest payment, long dueMinor, String principal, Collection<String> roles,
                              String field) {
        if (payment == null || payment.method() == null) {
            throw invalid(field + ".method", "A payment with a method (CASH, CARD_TERMINAL, COMP or STRIPE) is required.");
        }
        return switch (payment.method()) {
            case CASH -> cash(payment, dueMinor, roles, field);
            case CARD_TERMINAL -> card(payment, dueMinor, roles, field);
            case COMP -> comp(payment, principal, roles, field);
            case STRIPE -> stripe(dueMinor, field);
            case EXCHANGE_CREDIT -> throw invalid(field + ".method", "EXCHANGE_CREDIT is recorded by exchanges, not paid with.");
        };
    }

    private Settlement stripe(long due, String field) {
        if (!stripe.available()) {
            throw new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, "PAYMENT_METHOD_UNAVAILABLE",
                    "Card payment through Stripe is not available on this server (STRIPE_SECRET_KEY and "
                            + "STRIPE_WEBHOOK_SECRET are not configured); pay another way.", field + ".method", null);
        }
        return new Settlement(PaymentMethod.STRIPE, due, null, null, null, null);
    }

    private static Settlement cash(PaymentRequest p, long due, Collection<String> roles, String field) {
        requireRole(roles, CASH_ROLES, "Cash is taken at a staffed counter only.", field);
        Long tendered = p.tenderedMinor();
        if (tendered == null) {
            throw invalid(field + ".tenderedMinor", "Say how much cash was tendered (tenderedMinor).");
        }
        if (tendered < 0) {
            throw invalid(field + ".tenderedMinor", "Tendered cash cannot be negative.");
        }
        if (tendered < due) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "TENDERED_TOO_LOW", "Tendered " + money(tendered)
                    + " is less than the " + money(due) + " due in cash.", field + ".tenderedMinor", null);
        }
        return new Settlement(p.method(), due, tendered, tendered - due, null, null);
    }

    private static Settlement card(PaymentRequest p, long due, Collection<String> roles, String field) {
        requireRole(roles, CARD_ROLES, "Card-terminal payments are taken at a counter or kiosk only.", field);
        if (p.reference() == null || p.reference().isBlank() || p.reference().length() > 100) {
            throw invalid(field + ".reference", "A card-terminal payment needs the terminal's reference (1-100 characters).");
        }
        return new Settlement(p.method(), due, null, null, p.reference().strip(), null);
    }

    private Settlement comp(PaymentRequest p, String principal, Collection<String> roles, String field) {
        if (roles.stream().anyMatch(MANAGERS::contains)) {
            return new Settlement(p.method(), 0, null, null, null, principal);
        }
        requireRole(roles, CASH_ROLES, "Complimentary tickets are given at a staffed counter only.", field);
        if (p.approval() == null || p.approval().username() == null || p.approval().password() == null) {
            throw new DomainException(HttpStatus.FORBIDDEN, "COMP_NEEDS_MANAGER",
                    "A complimentary ticket needs a manager's approval.", field + ".approval", null);
        }
        Optional<StaffAccount> manager = db.read(c -> accounts.find(c, p.approval().username()))
                .filter(StaffAccount::active)
                .filter(a -> MANAGERS.contains(a.role().name()));
        boolean approved = manager.isPresent()
                ? hasher.matches(p.approval().password(), manager.get().passwordHash())
                : hasher.matchesNothing(p.approval().password());
        if (!approved) {
            throw new DomainException(HttpStatus.FORBIDDEN, "COMP_NEEDS_MANAGER",
                    "The manager approval was not accepted.", field + ".approval", null);
        }
        return new Settlement(p.method(), 0, null, null, null, manager.get().username());
    }

    private static void requireRole(Collection<String> roles, Set<String> allowed, String detail, String field) {
        if (roles.stream().noneMatch(allowed::contains)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "PAYMENT_METHOD_NOT_ALLOWED", detail, field + ".method", null);
        }
    }

    private static DomainException invalid(String field, String detail) {
        return new DomainException(HttpStatus.BAD_REQUEST, "INVALID_PAYMENT", detail, field, null);
    }

    public static String money(long minor) {
        return String.format(java.util.Locale.ROOT, "%d.%02d", minor / 100, Math.abs(minor % 100));
    }
}
