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
 * prepared statement together, normally with a single Sync (it adds one between parts when it
 * cannot bound a part's answer, and simple query mode sends each part alone), and PostgreSQL runs
 * them in order inside the caller's transaction, stopping at the first error (which then fails
 * the transaction). A sale
 * writes its key, booking, seats, payments and audit entry this way instead of one round trip
 * each; on two cores every round trip is two context switches and a PostgreSQL wake-up.
 *
 * <p>{@link Database#writeAlone} sends a trip as a transaction of its own, with its {@code begin}
 * and {@code commit} inside the same trip.
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

    /** A statement whose rows are not needed. */
    public OneTrip add(String sql, Binder binder) {
        return add(sql, binder, null);
    }

    /** A statement whose rows {@code reader} reads when the trip has run. */
    public OneTrip add(String sql, Binder binder, Reader reader) {
        if (sql.contains(";")) {
            throw new IllegalArgumentException("one statement per part: " + sql);
        }
        parts.add(new Part(sql.strip(), binder, reader));
        return this;
    }

    /** Sends every part at once, inside the caller's transaction, and hands each reader its rows. */
    public void run(Connection c) throws SQLException {
        run(c, false);
    }

    /**
     * On an auto-commit connection: sends {@code begin}, every part and {@code commit} at once, so
     * that the trip is a transaction of its own without pgjdbc's BEGIN going ahead. The explicit
     * block keeps it atomic even where pgjdbc puts a Sync between parts (it does when it cannot
     * bound a described part's answer, or in simple query mode). When this throws, the connection
     * may be left in the failed block: the caller rolls it back ({@link Database#writeAlone}).
     */
    void runAsTransaction(Connection c) throws SQLException {
        run(c, true);
    }

    private void run(Connection c, boolean ownTransaction) throws SQLException {
        if (parts.isEmpty()) {
            throw new IllegalStateException("an empty trip");
        }
        StringBuilder sql = new StringBuilder(ownTransaction ? "begin;\n" : "");
        for (Part part : parts) {
            sql.append(part.sql()).append(";\n");
        }
        if (ownTransaction) {
            sql.append("commit");
        }
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            Params params = new Params(c, ps);
            for (Part part : parts) {
                part.binder().bind(params);
            }
            boolean rows = ps.execute();
            if (ownTransaction) {
                rows = ps.getMoreResults(); // past the begin
            }
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
