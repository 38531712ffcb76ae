package dev.curtain.server.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
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
        try (PreparedStatement ps = connection.prepareStatement(
                "insert into audit_log (actor, action, subject, detail) values (?, ?, ?, ?::jsonb)")) {
            ps.setString(1, actor);
            ps.setString(2, action);
            ps.setString(3, subject);
            ps.setString(4, toJson(detail));
            ps.executeUpdate();
        }
    }

    private String toJson(Map<String, ?> detail) {
        try {
            return json.writeValueAsString(detail == null ? Map.of() : detail);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit detail is not JSON-serializable", e);
        }
    }
}
