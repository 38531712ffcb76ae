package dev.curtain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.curtain.model.event.Event;
import dev.curtain.model.json.Json;
import dev.curtain.model.venue.Seat;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonMappingTest {

    private final ObjectMapper json = Json.newMapper();

    @Test
    void seatsOmitDefaultFlagsToStayCompact() throws Exception {
        String text = json.writeValueAsString(new Seat("A-1", "S", "A", 1, 0, 0, 10, 10, "STD", false, false, null));
        assertFalse(text.contains("accessible"));
        assertFalse(text.contains("tableId"));
        Seat back = json.readValue("{\"id\":\"A-1\",\"section\":\"S\",\"row\":\"A\",\"number\":1,\"w\":10,\"h\":10,"
                + "\"category\":\"STD\",\"accessible\":true,\"someFutureField\":1}", Seat.class);
        assertTrue(back.accessible());
    }

    @Test
    void instantsAreIsoStrings() throws Exception {
        Event e = new Event("e1", "v1", "T", Instant.parse("2030-01-01T19:30:00Z"), "EUR",
                Map.of("STD", Map.of("adult", 1000L)), 600, 10, null, null, false, null, null);
        String text = json.writeValueAsString(e);
        assertTrue(text.contains("\"startsAt\":\"2030-01-01T19:30:00Z\""), text);
        assertEquals(e, json.readValue(text, Event.class));
    }

    @Test
    void onSaleWindowIsHalfOpen() {
        Instant from = Instant.parse("2030-01-01T00:00:00Z");
        Instant until = Instant.parse("2030-01-02T00:00:00Z");
        Event e = new Event("e", "v", "T", until, "EUR", Map.of(), 600, 10, from, until, false, null, null);
        assertFalse(e.onSaleAt(from.minusSeconds(1)));
        assertTrue(e.onSaleAt(from));
        assertFalse(e.onSaleAt(until));
    }
}
