package dev.curtain.desktop.simulator;

import dev.curtain.model.event.Event;
import dev.curtain.model.venue.Venue;
import java.util.List;

/** What a run tells while it goes on. Every call comes on the run's own threads: hand UI work to the UI thread. */
public interface SimulationListener {

    /** The performance is ready (made for the run, or the target) and users are about to start. */
    default void prepared(Event event, Venue venue, List<String> seatsOffered) {
    }

    /** About four times a second while the run goes on. */
    default void progress(SimulationSnapshot snapshot) {
    }

    default void finished(SimulationReport report) {
    }

    /** The run could not be made at all (server unreachable, sign-in refused, unknown performance …). */
    default void failed(Throwable error) {
    }

    SimulationListener NONE = new SimulationListener() {
    };
}
