package dev.curtain.server.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Statements sent to PostgreSQL in one round trip: pgjdbc sends the parts of a multi-statement
 * prepared statement together with a single Sync, and PostgreSQL runs them in order inside the
 * caller's transaction, stopping at the first error (which then fails the transaction). A sale
 * writes its key, booking, seats, payments and audit entry this way instead of one round trip
 * each; on two cores every round trip is two context switches and a PostgreSQL wake-up.
 *
 * <p>{@link #commit()} puts the transaction's COMMIT into the same trip. The transaction then ends
 * with {@link #run}: the connection's own commit afterwards finds nothing to do (pgjdbc skips it
 * when the server reports no open transaction), so nothing may be written after it.
 */
public final class OneTrip {

    /** Binds one part's parameters, in the order of its {@code ?} marks. */
    @FunctionalInterface
    public interface Binder {
        void bind(Params params) throws SQLException;
    }

    /** Reads the rows a part answers (its RETURNING or SELECT). */
    @FunctionalInterface
    public interface Reader {
        void read(ResultSet rows) throws SQLException;
    }

    private record Part(String sql, Binder binder, Reader reader) {
    }

    private final List<Part> parts = new ArrayList<>();
    private boolean committing;

    /** A statement whose rows are not needed. */
    public OneTrip add(String sql, Binder binder) {
        return add(sql, binder, null);
    }

    /** A statement whose rows {@code reader} reads when the trip has run. */
    public OneTrip add(String sql, Binder binder, Reader reader) {
        if (committing) {
            throw new IllegalStateException("nothing can follow the commit");
        }
        if (sql.contains(";")) {
            throw new IllegalArgumentException("one statement per part: " + sql);
        }
        parts.add(new Part(sql.strip(), binder, reader));
        return this;
    }

    /** Ends the transaction in this trip: its COMMIT is sent after the last part. */
    public OneTrip commit() {
        committing = true;
        return this;
    }

    /** Sends every part (and the COMMIT, if asked) at once and hands each reader its rows. */
    public void run(Connection c) throws SQLException {
        if (parts.isEmpty()) {
            throw new IllegalStateException("an empty trip");
        }
        StringBuilder sql = new StringBuilder();
        for (Part part : parts) {
            sql.append(part.sql()).append(";\n");
        }
        if (committing) {
            sql.append("commit");
        }
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            Params params = new Params(c, ps);
            for (Part part : parts) {
                part.binder().bind(params);
            }
            boolean rows = ps.execute();
            for (Part part : parts) {
                if (rows && part.reader() != null) {
                    try (ResultSet rs = ps.getResultSet()) {
                        part.reader().read(rs);
                    }
                }
                rows = ps.getMoreResults();
            }
        }
    }

    /** The parameters of a whole trip, numbered on from part to part. */
    public static final class Params {
        private final Connection connection;
        private final PreparedStatement ps;
        private int index;

        Params(Connection connection, PreparedStatement ps) {
            this.connection = connection;
            this.ps = ps;
        }

        public Params text(String value) throws SQLException {
            ps.setString(++index, value);
            return this;
        }

        public Params number(long value) throws SQLException {
            ps.setLong(++index, value);
            return this;
        }

        public Params number(Integer value) throws SQLException {
            if (value == null) {
                ps.setNull(++index, Types.INTEGER);
            } else {
                ps.setInt(++index, value);
            }
            return this;
        }

        public Params time(Instant value) throws SQLException {
            ps.setTimestamp(++index, value == null ? null : Timestamp.from(value));
            return this;
        }

        /** A {@code text[]}; the SQL casts it ({@code ?::text[]}). */
        public Params texts(Collection<String> values) throws SQLException {
            ps.setArray(++index, connection.createArrayOf("text", values.toArray()));
            return this;
        }

        /** A {@code bigint[]} whose elements may be null; the SQL casts it ({@code ?::bigint[]}). */
        public Params numbers(Collection<Long> values) throws SQLException {
            ps.setArray(++index, connection.createArrayOf("int8", values.toArray()));
            return this;
        }
    }
}
