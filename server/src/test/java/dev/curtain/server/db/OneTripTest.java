package dev.curtain.server.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.curtain.server.testing.TestInfrastructure;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;
import org.postgresql.util.PSQLException;

/** Statements in one round trip, on the shared embedded PostgreSQL. */
class OneTripTest {

    private static final String INSERT = "insert into one_trip_probe (name, amount, at) values (?, ?, ?)";

    private Connection c;

    @BeforeEach
    void table() throws SQLException {
        c = TestInfrastructure.get().connect();
        try (Statement s = c.createStatement()) {
            s.execute("drop table if exists one_trip_probe");
            s.execute("create table one_trip_probe (id bigserial primary key, name text not null unique, amount bigint, at timestamptz)");
        }
        c.setAutoCommit(false);
    }

    @AfterEach
    void drop() throws SQLException {
        if (!c.getAutoCommit()) {
            c.rollback();
            c.setAutoCommit(true);
        }
        try (Statement s = c.createStatement()) {
            s.execute("drop table if exists one_trip_probe");
        }
        c.close();
    }

    @Test
    void partsRunInOrderAndEachReaderGetsItsOwnRows() throws SQLException {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<Long> ids = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        new OneTrip()
                .add(INSERT, p -> p.text("first").number(1L).time(at))
                .add(INSERT + " returning id", p -> p.text("second").number(2L).time(null), rows -> {
                    while (rows.next()) {
                        ids.add(rows.getLong(1));
                    }
                })
                .add("insert into one_trip_probe (name, amount) select n, a from unnest(?::text[], ?::bigint[]) as t (n, a)",
                        p -> p.texts(List.of("third", "fourth")).numbers(Arrays.asList(3L, null)))
                .add("select name, amount, at from one_trip_probe where amount is not null or name = ? order by id",
                        p -> p.text("fourth"), rows -> {
                            while (rows.next()) {
                                long amount = rows.getLong(2);
                                String shown = rows.wasNull() ? "null" : Long.toString(amount);
                                seen.add(rows.getString(1) + "=" + shown
                                        + (rows.getTimestamp(3) == null ? "" : "@" + rows.getTimestamp(3).toInstant()));
                            }
                        })
                .run(c);
        assertThat(ids).hasSize(1);
        assertThat(seen).containsExactly("first=1@" + at, "second=2", "third=3", "fourth=null");
    }

    @Test
    void aFailingPartStopsTheTripAndTheTransactionKeepsNothing() throws SQLException {
        c.commit();
        List<String> read = new ArrayList<>();
        OneTrip trip = new OneTrip()
                .add(INSERT, p -> p.text("a").number(1L).time(null))
                .add(INSERT, p -> p.text("a").number(2L).time(null))
                .add("select name from one_trip_probe", p -> { }, rows -> read.add("ran"));
        assertThatThrownBy(() -> trip.run(c))
                .isInstanceOfSatisfying(PSQLException.class, e -> {
                    assertThat(e.getSQLState()).isEqualTo("23505");
                    assertThat(e.getServerErrorMessage().getConstraint()).isEqualTo("one_trip_probe_name_key");
                });
        assertThat(read).isEmpty();
        c.rollback();
        assertThat(countFromAnotherConnection()).isZero();
    }

    @Test
    void asATransactionOfItsOwnATripCommitsOnAnAutoCommitConnection() throws SQLException {
        c.setAutoCommit(true);
        List<Long> ids = new ArrayList<>();
        new OneTrip()
                .add(INSERT, p -> p.text("first").number(1L).time(null))
                .add(INSERT + " returning id", p -> p.text("second").number(2L).time(null), rows -> {
                    while (rows.next()) {
                        ids.add(rows.getLong(1));
                    }
                })
                .runAsTransaction(c);
        assertThat(ids).hasSize(1);
        assertThat(countFromAnotherConnection()).isEqualTo(2);
        assertThat(state(c)).isEqualTo(TransactionState.IDLE);
        assertThat(c.getAutoCommit()).isTrue();
    }

    /** A failing part keeps nothing and leaves the block failed: Database.writeAlone rolls it back. */
    @Test
    void asATransactionOfItsOwnAFailingPartKeepsNothing() throws SQLException {
        c.setAutoCommit(true);
        new OneTrip().add(INSERT, p -> p.text("first").number(1L).time(null)).runAsTransaction(c);
        List<String> read = new ArrayList<>();
        OneTrip failing = new OneTrip()
                .add(INSERT, p -> p.text("third").number(3L).time(null))
                .add(INSERT, p -> p.text("first").number(4L).time(null))
                .add("select name from one_trip_probe", p -> { }, rows -> read.add("ran"));
        assertThatThrownBy(() -> failing.runAsTransaction(c))
                .isInstanceOfSatisfying(PSQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23505"));
        assertThat(read).isEmpty();
        assertThat(countFromAnotherConnection()).as("the part before the failing one is not kept").isEqualTo(1);
        assertThat(state(c)).isEqualTo(TransactionState.FAILED);
        try (Statement s = c.createStatement()) {
            s.execute("rollback");
        }
        new OneTrip().add(INSERT, p -> p.text("third").number(3L).time(null)).runAsTransaction(c);
        assertThat(countFromAnotherConnection()).isEqualTo(2);
    }

    @Test
    void asATransactionOfItsOwnACommitThatFailsKeepsNothing() throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("alter table one_trip_probe add constraint one_trip_probe_amount_once unique (amount)"
                    + " deferrable initially deferred");
        }
        c.commit();
        c.setAutoCommit(true);
        OneTrip trip = new OneTrip()
                .add(INSERT, p -> p.text("a").number(7L).time(null))
                .add(INSERT, p -> p.text("b").number(7L).time(null)); // refused only at the commit
        assertThatThrownBy(() -> trip.runAsTransaction(c))
                .isInstanceOfSatisfying(PSQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23505"));
        assertThat(countFromAnotherConnection()).isZero();
        new OneTrip().add(INSERT, p -> p.text("c").number(8L).time(null)).runAsTransaction(c);
        assertThat(countFromAnotherConnection()).isEqualTo(1);
    }

    /** Simple query mode (a database URL can ask for it) does not pipeline the parts: the block keeps them atomic. */
    @Test
    void asATransactionOfItsOwnATripStaysAtomicInSimpleQueryMode() throws SQLException {
        try (Connection simple = TestInfrastructure.get().connect(Map.of("preferQueryMode", "simple"))) {
            OneTrip failing = new OneTrip()
                    .add(INSERT, p -> p.text("a").number(1L).time(null))
                    .add(INSERT, p -> p.text("a").number(2L).time(null))
                    .add(INSERT, p -> p.text("b").number(3L).time(null));
            assertThatThrownBy(() -> failing.runAsTransaction(simple)).isInstanceOf(SQLException.class);
            assertThat(countFromAnotherConnection()).isZero();
            try (Statement s = simple.createStatement()) {
                s.execute("rollback");
            }
            new OneTrip()
                    .add(INSERT, p -> p.text("a").number(1L).time(null))
                    .add(INSERT, p -> p.text("b").number(2L).time(null))
                    .runAsTransaction(simple);
            assertThat(countFromAnotherConnection()).isEqualTo(2);
        }
    }

    private static TransactionState state(Connection connection) throws SQLException {
        return connection.unwrap(BaseConnection.class).getTransactionState();
    }

    @Test
    void aTripIsOneStatementPerPart() {
        assertThatThrownBy(() -> new OneTrip().add("select 1; select 2", p -> { }))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OneTrip().run(c)).isInstanceOf(IllegalStateException.class);
    }

    private long countFromAnotherConnection() throws SQLException {
        try (Connection other = TestInfrastructure.get().connect(); Statement s = other.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from one_trip_probe")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
