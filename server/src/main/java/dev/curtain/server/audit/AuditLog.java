package dev.curtain.server.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.curtain.server.db.OneTrip;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * Appends to the audit log. Callers pass their transaction's connection, so an audit entry is
 * written exactly when the change it records is committed. The table refuses updates and deletes.
 */
@jakarta.inject.Singleton
public class AuditLog {

    private final ObjectMapper json;

    public AuditLog(ObjectMapper json) {
        this.json = json;
    }

    public void append(Connection connection, String actor, String action, String subject, Map<String, ?> detail)
            throws SQLException {
        append(new OneTrip(), actor, action, subject, detail).run(connection);
    }

    /** Adds the entry to a trip of the transaction's statements. */
    public OneTrip append(OneTrip trip, String actor, String action, String subject, Map<String, ?> detail) {
        String json = toJson(detail);
        return trip.add("insert into audit_log (actor, action, subject, detail) values (?, ?, ?, ?::jsonb)",
                p -> p.text(actor).text(action).text(subject).text(json));
    }

    private String toJson(Map<String, ?> detail) {
        try {
            return json.writeValueAsString(detail == null ? Map.of() : detail);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit detail is not JSON-serializable", e);
        }
    }
}
