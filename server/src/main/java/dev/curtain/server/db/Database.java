package dev.curtain.server.db;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Plain JDBC inside Micronaut-managed transactions. Curtain writes its SQL by hand (JSONB layouts,
 * batch inserts, the booking hot path); this is the one way in.
 */
@Singleton
public class Database {

    private final TransactionOperations<Connection> transactions;

    public Database(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @FunctionalInterface
    public interface Work<R> {
        R run(Connection connection) throws SQLException;
    }

    public <R> R write(Work<R> work) {
        return transactions.executeWrite(status -> call(work, status.getConnection()));
    }

    public <R> R read(Work<R> work) {
        return transactions.executeRead(status -> call(work, status.getConnection()));
    }

    private static <R> R call(Work<R> work, Connection connection) {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new DataAccessFailure(e);
        }
    }

    /** A database fault that the caller did not expect; answered as a 5xx and logged. */
    public static final class DataAccessFailure extends RuntimeException {
        public DataAccessFailure(SQLException cause) {
            super(cause.getMessage(), cause);
        }

        public String sqlState() {
            return ((SQLException) getCause()).getSQLState();
        }

        /** The constraint a unique or check violation names, if PostgreSQL said which. */
        public String constraint() {
            if (getCause() instanceof org.postgresql.util.PSQLException p && p.getServerErrorMessage() != null) {
                return p.getServerErrorMessage().getConstraint();
            }
            return null;
        }

        public boolean isUniqueViolation() {
            return "23505".equals(sqlState());
        }
    }
}
