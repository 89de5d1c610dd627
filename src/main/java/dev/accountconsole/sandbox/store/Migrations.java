package dev.accountconsole.sandbox.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The versioned schema: an ordered list of migrations, each applied once, in order, and recorded in
 * {@code schema_version}. A database written by a newer sandbox is refused rather than guessed at.
 * Append new versions; never edit an applied one.
 */
final class Migrations {

    record Migration(int version, String description, List<String> statements) {
    }

    static final List<Migration> ALL = List.of(
            new Migration(1, "accounts with unique loginName, phone and email", List.of(
                    """
                    CREATE TABLE accounts (
                        identity_id         VARCHAR(64)  NOT NULL PRIMARY KEY,
                        login_id            BIGINT       NOT NULL,
                        login_source        VARCHAR(32)  NOT NULL,
                        login_name          VARCHAR(64),
                        phone               VARCHAR(16),
                        phone_location_code VARCHAR(4),
                        email               VARCHAR(128),
                        email_key           VARCHAR(128),
                        nick_name           VARCHAR(64),
                        password_hash       VARCHAR(60),
                        avatar_url          VARCHAR(512),
                        creater             VARCHAR(64),
                        modifier            VARCHAR(64),
                        create_app_key      VARCHAR(64),
                        frozen              BOOLEAN      NOT NULL DEFAULT FALSE,
                        gmt_create          BIGINT       NOT NULL,
                        gmt_modified        BIGINT       NOT NULL,
                        CONSTRAINT uq_accounts_login_id   UNIQUE (login_id),
                        CONSTRAINT uq_accounts_login_name UNIQUE (login_name),
                        CONSTRAINT uq_accounts_phone      UNIQUE (phone),
                        CONSTRAINT uq_accounts_email      UNIQUE (email_key)
                    )
                    """)));

    private Migrations() {
    }

    static int currentVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS schema_version ("
                    + "version INT NOT NULL PRIMARY KEY, description VARCHAR(200) NOT NULL, applied_at BIGINT NOT NULL)");
            try (ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Brings the schema up to date; returns the version it is at. */
    static int apply(Connection c) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            int current = currentVersion(c);
            c.commit();
            int latest = ALL.get(ALL.size() - 1).version();
            if (current > latest) {
                throw new SQLException("the database has schema version " + current
                        + ", newer than this sandbox knows (" + latest + ")");
            }
            for (Migration m : ALL) {
                if (m.version() <= current) {
                    continue;
                }
                try (Statement s = c.createStatement()) {
                    for (String sql : m.statements()) {
                        s.execute(sql);
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)")) {
                    ps.setInt(1, m.version());
                    ps.setString(2, m.description());
                    ps.setLong(3, System.currentTimeMillis());
                    ps.executeUpdate();
                }
                c.commit();
                current = m.version();
            }
            return current;
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }
}
