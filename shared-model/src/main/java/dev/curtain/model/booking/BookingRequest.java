package dev.curtain.model.booking;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/** Confirms a hold: {@code ticketTypes} maps seat id to ticket type (default: the category's first type). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BookingRequest(String holdId, Customer customer, PaymentRequest payment, Map<String, String> ticketTypes) {
}
