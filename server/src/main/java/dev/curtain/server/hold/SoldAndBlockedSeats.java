package dev.curtain.server.hold;

import java.util.List;

/**
 * PostgreSQL's word on which seats of an event are sold or blocked: what Redis's markers are
 * rebuilt from when Redis has lost them.
 */
public interface SoldAndBlockedSeats {

    List<String> sold(String eventId);

    List<String> blocked(String eventId);
}
