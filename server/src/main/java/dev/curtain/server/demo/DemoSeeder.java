package dev.curtain.server.demo;

import dev.curtain.model.auth.Role;
import dev.curtain.model.event.Event;
import dev.curtain.model.venue.Venue;
import dev.curtain.server.auth.PasswordHasher;
import dev.curtain.server.auth.StaffAccount;
import dev.curtain.server.auth.StaffAccounts;
import dev.curtain.server.db.Database;
import dev.curtain.server.event.EventService;
import dev.curtain.server.venue.VenueService;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the demo venues, performances and staff accounts on the first start of an empty
 * database, once (many nodes may start together: an advisory lock lets one of them do it).
 */
@Singleton
@Requires(property = "curtain.demo.enabled", value = "true", defaultValue = "true")
public class DemoSeeder implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(DemoSeeder.class);
    private static final long SEED_LOCK = 0x43757274_61696e01L;
    static final String SEEDED_KEY = "demo_seeded_at";
    static final List<StaffAccountSpec> STAFF = List.of(
            new StaffAccountSpec("admin", Role.ADMIN, "Demo Administrator"),
            new StaffAccountSpec("manager", Role.MANAGER, "Demo Venue Manager"),
            new StaffAccountSpec("clerk", Role.CLERK, "Demo Box-Office Clerk"),
            new StaffAccountSpec("kiosk", Role.KIOSK, "Demo Kiosk"));

    record StaffAccountSpec(String username, Role role, String displayName) {
    }

    private final Database db;
    private final VenueService venues;
    private final EventService events;
    private final StaffAccounts accounts;
    private final PasswordHasher hasher;
    private final DemoConfiguration config;
    private final Clock clock;

    public DemoSeeder(Database db, VenueService venues, EventService events, StaffAccounts accounts,
                      PasswordHasher hasher, DemoConfiguration config, Clock clock) {
        this.db = db;
        this.venues = venues;
        this.events = events;
        this.accounts = accounts;
        this.hasher = hasher;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        seed();
    }

    /** Answers whether demo data was (re)created by this call. */
    public boolean seed() {
        long started = System.nanoTime();
        boolean created = db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("select pg_advisory_xact_lock(?)")) {
                ps.setLong(1, SEED_LOCK);
                ps.execute();
            }
            if (config.reset()) {
                removeDemo(c);
            }
            boolean seededBefore = seededAt(c).isPresent();
            if (!seededBefore) {
                create(c);
            }
            ensureStaffPasswords(c, !seededBefore);
            return !seededBefore;
        });
        if (created) {
            LOG.info("event=demo_data_created venues={} ms={}", DemoVenues.all().size(),
                    (System.nanoTime() - started) / 1_000_000);
        }
        return created;
    }

    private void create(Connection c) throws SQLException {
        List<Venue> demoVenues = DemoVenues.all();
        for (Venue venue : demoVenues) {
            venues.insert(c, venue, true);
        }
        for (Event e : DemoEvents.forVenues(demoVenues, LocalDate.now(clock.withZone(ZoneOffset.UTC)))) {
            events.insert(c, e);
        }
        try (PreparedStatement ps = c.prepareStatement(
                "insert into installation (key, value) values (?, now()::text)")) {
            ps.setString(1, SEEDED_KEY);
            ps.executeUpdate();
        }
        // Freshly filled tables otherwise keep plans made while they were empty.
        try (PreparedStatement ps = c.prepareStatement("analyze venues, venue_seats, events, event_prices")) {
            ps.execute();
        }
    }

    private static void removeDemo(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("delete from venues where demo")) {
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("delete from installation where key = ?")) {
            ps.setString(1, SEEDED_KEY);
            ps.executeUpdate();
        }
        LOG.info("event=demo_data_removed");
    }

    /**
     * Demo staff sign in with the configured demo password. Checking one account is enough to know
     * whether the password changed since the last start.
     */
    private void ensureStaffPasswords(Connection c, boolean fresh) throws SQLException {
        String password = config.password();
        if (password == null || password.isBlank()) {
            return;
        }
        Optional<StaffAccount> first = accounts.find(c, STAFF.get(0).username());
        if (!fresh && first.isPresent() && hasher.matches(password, first.get().passwordHash())) {
            return;
        }
        for (StaffAccountSpec spec : STAFF) {
            accounts.upsert(c, new StaffAccount(spec.username(), hasher.hash(password), spec.role(),
                    spec.displayName(), true), true);
        }
    }

    private static Optional<String> seededAt(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select value from installation where key = ?")) {
            ps.setString(1, SEEDED_KEY);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }
}
