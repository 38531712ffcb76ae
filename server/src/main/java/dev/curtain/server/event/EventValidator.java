package dev.curtain.server.event;

import dev.curtain.model.event.Event;
import dev.curtain.server.web.DomainException;
import io.micronaut.http.HttpStatus;
import java.util.Collection;
import java.util.Currency;
import java.util.Map;
import java.util.regex.Pattern;

/** Checks an event body against its venue and names the first offending field. */
public final class EventValidator {

    static final long MAX_PRICE_MINOR = 100_000_000L;
    private static final Pattern TICKET_TYPE = Pattern.compile("[A-Za-z][A-Za-z0-9 _-]{0,31}");

    private EventValidator() {
    }

    /**
     * @param venueCategories every category of the venue
     * @param seatedCategories the categories that have seats: each must be priced or it cannot be sold
     */
    public static void validate(Event e, Collection<String> venueCategories, Collection<String> seatedCategories) {
        if (e.title() == null || e.title().isBlank()) {
            fail("title", "title is required.");
        }
        if (e.title().length() > 200) {
            fail("title", "title may have at most 200 characters.");
        }
        if (e.startsAt() == null) {
            fail("startsAt", "startsAt is required, as an ISO-8601 instant such as 2026-12-01T19:30:00Z.");
        }
        if (e.currency() == null || !isCurrency(e.currency())) {
            fail("currency", "currency must be an ISO 4217 code such as EUR; got '" + e.currency() + "'.");
        }
        if (e.prices() == null || e.prices().isEmpty()) {
            fail("prices", "prices are required: category -> ticket type -> amount in minor units.");
        }
        for (Map.Entry<String, Map<String, Long>> category : e.prices().entrySet()) {
            String at = "prices." + category.getKey();
            if (!venueCategories.contains(category.getKey())) {
                fail(at, "Category '" + category.getKey() + "' is not a category of this venue " + venueCategories + ".");
            }
            if (category.getValue() == null || category.getValue().isEmpty()) {
                fail(at, "Category '" + category.getKey() + "' needs at least one ticket type with a price.");
            }
            for (Map.Entry<String, Long> type : category.getValue().entrySet()) {
                if (!TICKET_TYPE.matcher(type.getKey()).matches()) {
                    fail(at + "." + type.getKey(), "Ticket type '" + type.getKey()
                            + "' must start with a letter and have at most 32 letters, digits, spaces, '_' or '-'.");
                }
                Long amount = type.getValue();
                if (amount == null || amount < 0 || amount > MAX_PRICE_MINOR) {
                    fail(at + "." + type.getKey(), "The price of '" + type.getKey() + "' in '" + category.getKey()
                            + "' must be a whole number of minor units from 0 to " + MAX_PRICE_MINOR + ".");
                }
            }
        }
        for (String seated : seatedCategories) {
            if (!e.prices().containsKey(seated)) {
                fail("prices", "Category '" + seated + "' has seats but no price: price every category that has seats.");
            }
        }
        int ttl = e.holdTtlSeconds() == null ? Event.DEFAULT_HOLD_TTL_SECONDS : e.holdTtlSeconds();
        if (ttl < Event.MIN_HOLD_TTL_SECONDS || ttl > Event.MAX_HOLD_TTL_SECONDS) {
            fail("holdTtlSeconds", "holdTtlSeconds must be from " + Event.MIN_HOLD_TTL_SECONDS + " to "
                    + Event.MAX_HOLD_TTL_SECONDS + ".");
        }
        int max = e.maxSeatsPerHold() == null ? Event.DEFAULT_MAX_SEATS_PER_HOLD : e.maxSeatsPerHold();
        if (max < 1 || max > Event.MAX_SEATS_PER_HOLD_LIMIT) {
            fail("maxSeatsPerHold", "maxSeatsPerHold must be from 1 to " + Event.MAX_SEATS_PER_HOLD_LIMIT + ".");
        }
        if (e.onSaleFrom() != null && e.onSaleUntil() != null && !e.onSaleFrom().isBefore(e.onSaleUntil())) {
            fail("onSaleUntil", "onSaleUntil must be after onSaleFrom.");
        }
    }

    private static boolean isCurrency(String code) {
        try {
            return code.length() == 3 && Currency.getInstance(code).getCurrencyCode().equals(code);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void fail(String field, String detail) {
        throw new DomainException(HttpStatus.BAD_REQUEST, "INVALID_EVENT", detail, field, null);
    }
}
