package dev.curtain.server.auth;

import dev.curtain.model.auth.Role;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Staff accounts in PostgreSQL. */
@jakarta.inject.Singleton
public class StaffAccounts {

    public Optional<StaffAccount> find(Connection c, String username) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select username, password_hash, role, display_name, active from users where username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StaffAccount(rs.getString(1), rs.getString(2),
                        Role.valueOf(rs.getString(3)), rs.getString(4), rs.getBoolean(5)));
            }
        }
    }

    /** Creates the account, or resets its password, role and name when it exists. */
    public void upsert(Connection c, StaffAccount account, boolean demo) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into users (username, password_hash, role, display_name, active, demo)
                values (?, ?, ?, ?, ?, ?)
                on conflict (username) do update set password_hash = excluded.password_hash,
                    role = excluded.role, display_name = excluded.display_name, active = excluded.active,
                    demo = excluded.demo
                """)) {
            ps.setString(1, account.username());
            ps.setString(2, account.passwordHash());
            ps.setString(3, account.role().name());
            ps.setString(4, account.displayName());
            ps.setBoolean(5, account.active());
            ps.setBoolean(6, demo);
            ps.executeUpdate();
        }
    }
}
