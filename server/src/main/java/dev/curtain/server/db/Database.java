package dev.curtain.server.db;

import io.micronaut.data.connection.ConnectionDefinition;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

/**
 * Plain JDBC inside Micronaut-managed transactions. Curtain writes its SQL by hand (JSONB layouts,
 * batch inserts, the booking hot path); this is the one way in.
 */
@Singleton
public class Database {

    private final TransactionOperations<Connection> transactions;
    private final ConnectionOperations<Connection> connections;

    public Database(TransactionOperations<Connection> transactions, ConnectionOperations<Connection> connections) {
        this.transactions = transactions;
        this.connections = connections;
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

    /**
     * Writes {@code trip} as a transaction of its own, on a connection of its own: {@code begin},
     * the parts and {@code commit} go to PostgreSQL in one round trip, in auto-commit mode so that
     * pgjdbc sends no BEGIN ahead (it sends and flushes that as a query of its own, and PostgreSQL
     * wakes up for it separately). It returns once the commit is durable. On a failure the
     * transaction is rolled back before the connection goes back to the pool; the pool puts back its
     * own auto-commit setting, should it be another.
     */
    public void writeAlone(OneTrip trip) {
        connections.execute(ConnectionDefinition.REQUIRES_NEW, status -> call(c -> {
            c.setAutoCommit(true);
            try {
                trip.runAsTransaction(c);
            } catch (SQLException | RuntimeException e) {
                rollBackQuietly(c, e);
                throw e;
            }
            return null;
        }, status.getConnection()));
    }

    /** Ends a transaction that a failed trip left open (or failed), so the pool gets a clean connection. */
    private static void rollBackQuietly(Connection c, Exception failure) {
        try {
            if (c.unwrap(BaseConnection.class).getTransactionState() != TransactionState.IDLE) {
                try (Statement s = c.createStatement()) {
                    s.execute("rollback");
                }
            }
        } catch (SQLException | RuntimeException e) {
            failure.addSuppressed(e); // the connection is broken: the pool drops it
        }
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
