package dev.curtain.model.booking;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * Confirms a hold: {@code ticketTypes} maps seat id to ticket type (default: the category's first
 * type). Pay with one {@code payment}, or split the total over several {@code payments} (for
 * example part cash, part card); not both.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BookingRequest(String holdId, Customer customer, PaymentRequest payment, Map<String, String> ticketTypes,
                             List<PaymentRequest> payments) {

    public BookingRequest(String holdId, Customer customer, PaymentRequest payment, Map<String, String> ticketTypes) {
        this(holdId, customer, payment, ticketTypes, null);
    }

    public static BookingRequest split(String holdId, Customer customer, List<PaymentRequest> payments) {
        return new BookingRequest(holdId, customer, null, null, payments);
    }
}
