package dev.curtain.desktop.simulator;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.curtain.model.event.EventStats;
import dev.curtain.model.ops.IntegrityReport;
import java.time.Instant;
import java.util.List;

/**
 * What a run did and what the server says afterwards: the run's figures, the performance's seat counts and the
 * server's integrity check (no seat sold twice; PostgreSQL and Redis agree). A run passes when that check is
 * clean; a run whose check could not be made does not pass.
 *
 * @param seatsOffered     how many contended seats the users reached for
 * @param offeredSeatIds   which, best first
 * @param endedBy          why the run ended: all users done, the time limit, or a stop
 * @param integrityProblem why there is no integrity report (for example a sign-in that is not a manager's)
 * @param salesUndone      simulated sales refunded after the run (when asked to)
 */
@JsonPropertyOrder({"passed", "server", "eventId", "eventTitle", "throwAwayPerformance", "seatsOffered", "endedBy",
        "startedAt", "finishedAt", "config", "figures", "serverStats", "integrity", "integrityProblem", "salesUndone", "offeredSeatIds"})
public record SimulationReport(
        String server,
        String eventId,
        String eventTitle,
        boolean throwAwayPerformance,
        int seatsOffered,
        List<String> offeredSeatIds,
        EndedBy endedBy,
        Instant startedAt,
        Instant finishedAt,
        SimulationConfig config,
        SimulationSnapshot figures,
        EventStats serverStats,
        IntegrityReport integrity,
        String integrityProblem,
        int salesUndone) {

    public enum EndedBy { ALL_USERS_DONE, TIME_LIMIT, STOPPED }

    /** The integrity check ran and found PostgreSQL and Redis in agreement, with no seat sold twice. */
    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    public boolean passed() {
        return integrity != null && integrity.ok();
    }

    @JsonIgnore
    public String integrityText() {
        if (integrity == null) {
            return "NOT CHECKED — " + (integrityProblem == null ? "no answer" : integrityProblem);
        }
        if (integrity.ok()) {
            return "OK — no seat sold twice; PostgreSQL and Redis agree";
        }
        StringBuilder found = new StringBuilder("FAILED —");
        disagreement(found, "sold twice", integrity.doubleSold());
        disagreement(found, "sold but not in Redis", integrity.soldMissingInRedis());
        disagreement(found, "sold only in Redis", integrity.soldInRedisOnly());
        disagreement(found, "held but sold", integrity.heldButSold());
        disagreement(found, "blocked but not in Redis", integrity.blockedMissingInRedis());
        disagreement(found, "blocked only in Redis", integrity.blockedInRedisOnly());
        return found.toString();
    }

    private static void disagreement(StringBuilder out, String what, List<String> seats) {
        if (seats != null && !seats.isEmpty()) {
            out.append(' ').append(what).append(": ").append(String.join(", ", seats)).append(';');
        }
    }
}
