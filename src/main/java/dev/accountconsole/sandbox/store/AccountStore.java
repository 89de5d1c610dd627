package dev.accountconsole.sandbox.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sandbox's accounts in an H2 database file ({@code accounts.mv.db} in the data folder).
 *
 * <p>Durability: {@code WRITE_DELAY=0} makes H2 write the MVStore chunk to the file as part of every
 * commit, so an acknowledged write is in the operating system's hands before the answer leaves and
 * survives the process being killed (kill -9). Without it H2 writes up to half a second later. Commits
 * that arrive together share one chunk write. {@code FILE_LOCK=FS} uses an operating-system lock, which
 * dies with the process, so a restart after kill -9 does not wait for a stale lock file.
 *
 * <p>Thread-safe: a fixed pool of connections, one borrowed per call.
 */
public final class AccountStore implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(AccountStore.class.getName());
    public static final String LOGIN_SOURCE = "openAccount";
    private static final int DUPLICATE_KEY = 23505;
    private static final String COLUMNS = "identity_id, login_id, login_source, login_name, phone, "
            + "phone_location_code, email, nick_name, avatar_url, creater, modifier, create_app_key, frozen, "
            + "gmt_create, gmt_modified";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM accounts WHERE ";
    private static final String INSERT = "INSERT INTO accounts (identity_id, login_source, login_name, phone, "
            + "phone_location_code, email, email_key, nick_name, password_hash, avatar_url, creater, "
            + "create_app_key, frozen, gmt_create, gmt_modified, login_id) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /** loginIds are decimal and 13 digits long, like the vendor's ({@code 4398047084811}). */
    private static final long FIRST_LOGIN_ID = 4_398_046_511_104L;
    private static final String UPDATE = "UPDATE accounts SET login_name = COALESCE(?, login_name), "
            + "phone = COALESCE(?, phone), email = COALESCE(?, email), email_key = COALESCE(?, email_key), "
            + "nick_name = COALESCE(?, nick_name), password_hash = COALESCE(?, password_hash), "
            + "avatar_url = COALESCE(?, avatar_url), creater = COALESCE(?, creater), "
            + "modifier = COALESCE(?, modifier), gmt_modified = ? WHERE identity_id = ?";
    private static final long BORROW_TIMEOUT_SECONDS = 30;
    /**
     * H2's page cache, in KiB: large enough to hold the pages of 100,000 accounts and their indexes,
     * so random lookups do not decode pages from the file again and again (measured: with the default
     * cache most querybyphone time went to page decoding).
     */
    private static final int CACHE_KIB = 256 * 1024;

    private final BlockingQueue<Connection> pool;
    private final List<Connection> all;
    /** Per connection; each map is only touched by the thread that holds its connection. */
    private final Map<Connection, Map<String, PreparedStatement>> statements = new java.util.concurrent.ConcurrentHashMap<>();
    private final int schemaVersion;
    /**
     * The next loginId, handed out in memory: an H2 sequence would write its state to the file on
     * every cache refill, which with {@code WRITE_DELAY=0} is a file write of its own. A loginId lost
     * to a failed insert leaves a gap, as a sequence does.
     */
    private final AtomicLong nextLoginId;
    private volatile boolean closed;

    private AccountStore(List<Connection> connections, int schemaVersion, long nextLoginId) {
        this.pool = new ArrayBlockingQueue<>(connections.size(), false, connections);
        this.all = List.copyOf(connections);
        this.schemaVersion = schemaVersion;
        this.nextLoginId = new AtomicLong(nextLoginId);
    }

    /** Opens (creating if need be) the database in {@code dataDir} and brings its schema up to date. */
    public static AccountStore open(Path dataDir, int connections) {
        try {
            Files.createDirectories(dataDir);
            String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("accounts")
                    + ";WRITE_DELAY=0;FILE_LOCK=FS;DB_CLOSE_ON_EXIT=FALSE;CACHE_SIZE=" + CACHE_KIB;
            List<Connection> list = new ArrayList<>();
            try {
                for (int i = 0; i < connections; i++) {
                    list.add(DriverManager.getConnection(url, "sa", ""));
                }
                int version = Migrations.apply(list.get(0));
                LOG.log(System.Logger.Level.DEBUG, "account store at {0}, schema version {1}", dataDir, version);
                return new AccountStore(list, version, nextLoginId(list.get(0)));
            } catch (SQLException | RuntimeException e) {
                for (Connection c : list) {
                    closeQuietly(c);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot open the account database in " + dataDir + ": " + e.getMessage(), e);
        } catch (java.io.IOException e) {
            throw new StoreException("cannot create " + dataDir, e);
        }
    }

    private static long nextLoginId(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(login_id) FROM accounts")) {
            rs.next();
            long max = rs.getLong(1);
            return rs.wasNull() ? FIRST_LOGIN_ID : Math.max(FIRST_LOGIN_ID, max + 1);
        }
    }

    public int schemaVersion() {
        return schemaVersion;
    }

    public void insert(NewAccount a) throws UniqueViolation {
        try (Lease l = lease()) {
            PreparedStatement ps = l.prepared(INSERT);
            bindInsert(ps, a);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    /** A bulk load, run by {@link #bulkLoad}. */
    @FunctionalInterface
    public interface BulkLoad {
        void run() throws UniqueViolation;
    }

    /**
     * Runs a bulk load (demo seeding, before the server accepts requests) with H2's usual
     * write-behind instead of a file write per commit, then writes everything out before returning:
     * 100,000 accounts load in seconds instead of a minute, and the file does not fill with the
     * chunks of a thousand small commits.
     */
    public void bulkLoad(BulkLoad load) throws UniqueViolation {
        execute("SET WRITE_DELAY 500");
        try {
            load.run();
        } finally {
            execute("CHECKPOINT");
            execute("SET WRITE_DELAY 0");
        }
    }

    private void execute(String sql) {
        try (Lease l = lease(); Statement s = l.c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Inserts many accounts in one transaction (demo seeding); all or none. */
    public void insertAll(List<NewAccount> accounts) throws UniqueViolation {
        try (Lease l = lease()) {
            l.c.setAutoCommit(false);
            try (PreparedStatement ps = l.c.prepareStatement(INSERT)) {
                for (NewAccount a : accounts) {
                    bindInsert(ps, a);
                    ps.addBatch();
                }
                ps.executeBatch();
                l.c.commit();
            } catch (SQLException e) {
                l.c.rollback();
                throw e;
            } finally {
                l.c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    private void bindInsert(PreparedStatement ps, NewAccount a) throws SQLException {
        ps.setString(1, a.identityId());
        ps.setString(2, LOGIN_SOURCE);
        ps.setString(3, a.loginName());
        ps.setString(4, a.phone());
        ps.setString(5, a.phoneLocationCode());
        ps.setString(6, a.email());
        ps.setString(7, emailKey(a.email()));
        ps.setString(8, a.nickName());
        ps.setString(9, a.passwordHash());
        ps.setString(10, a.avatarUrl());
        ps.setString(11, a.creater());
        ps.setString(12, a.createAppKey());
        ps.setBoolean(13, a.frozen());
        ps.setLong(14, a.createdAt());
        ps.setLong(15, a.createdAt());
        ps.setLong(16, nextLoginId.getAndIncrement());
    }

    /** Emails are unique regardless of case, as mail systems treat them. */
    private static String emailKey(String email) {
        return email == null ? null : email.toLowerCase(Locale.ROOT);
    }

    public AccountRecord findById(String identityId) {
        return findOne("identity_id = ?", identityId);
    }

    public AccountRecord findByPhone(String phone) {
        return findOne("phone = ?", phone);
    }

    public AccountRecord findByEmail(String email) {
        return findOne("email_key = ?", emailKey(email));
    }

    public AccountRecord findByLoginId(long loginId) {
        try (Lease l = lease()) {
            PreparedStatement ps = l.prepared(SELECT + "login_id = ?");
            ps.setLong(1, loginId);
            return single(ps);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** The accounts with these ids, by id; ids not found are absent from the map. */
    public Map<String, AccountRecord> findByIds(List<String> identityIds) {
        Map<String, AccountRecord> found = new HashMap<>();
        try (Lease l = lease(); PreparedStatement ps = l.c.prepareStatement(
                SELECT + "identity_id = ANY(?)")) {
            ps.setArray(1, l.c.createArrayOf("VARCHAR", identityIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    AccountRecord r = read(rs);
                    found.put(r.identityId(), r);
                }
            }
            return found;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private AccountRecord findOne(String where, String value) {
        try (Lease l = lease()) {
            PreparedStatement ps = l.prepared(SELECT + where);
            ps.setString(1, value);
            return single(ps);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private static AccountRecord single(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? read(rs) : null;
        }
    }

    private static AccountRecord read(ResultSet rs) throws SQLException {
        return new AccountRecord(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getString(10), rs.getString(11), rs.getString(12), rs.getBoolean(13), rs.getLong(14),
                rs.getLong(15));
    }

    /** Applies the non-null fields; false when there is no such account. */
    public boolean update(String identityId, AccountUpdate u, long now) throws UniqueViolation {
        try (Lease l = lease()) {
            PreparedStatement ps = l.prepared(UPDATE);
            ps.setString(1, u.loginName());
            ps.setString(2, u.phone());
            ps.setString(3, u.email());
            ps.setString(4, emailKey(u.email()));
            ps.setString(5, u.nickName());
            ps.setString(6, u.passwordHash());
            ps.setString(7, u.avatarUrl());
            ps.setString(8, u.creater());
            ps.setString(9, u.modifier());
            ps.setLong(10, now);
            ps.setString(11, identityId);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    /** Freezes or unfreezes; false when there is no such account. Setting the current state succeeds. */
    public boolean setFrozen(String identityId, boolean frozen, long now) {
        try (Lease l = lease()) {
            PreparedStatement ps = l.prepared("UPDATE accounts SET frozen = ?, gmt_modified = ? WHERE identity_id = ?");
            ps.setBoolean(1, frozen);
            ps.setLong(2, now);
            ps.setString(3, identityId);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Deletes an account; false when there is no such account. */
    public boolean delete(String identityId) {
        try (Lease l = lease(); PreparedStatement ps = l.c.prepareStatement(
                "DELETE FROM accounts WHERE identity_id = ?")) {
            ps.setString(1, identityId);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** The stored bcrypt hash, for tests that prove passwords are hashed; null when none. */
    public String passwordHash(String identityId) {
        try (Lease l = lease(); PreparedStatement ps = l.c.prepareStatement(
                "SELECT password_hash FROM accounts WHERE identity_id = ?")) {
            ps.setString(1, identityId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    public long count() {
        try (Lease l = lease(); Statement s = l.c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM accounts")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private static StoreException failure(SQLException e) {
        return new StoreException("database failure (SQL state " + e.getSQLState() + ")", e);
    }

    private static UniqueViolation translateDuplicate(SQLException e) {
        String m = String.valueOf(e.getMessage()).toUpperCase(Locale.ROOT);
        if (m.contains("UQ_ACCOUNTS_PHONE")) {
            return new UniqueViolation(UniqueViolation.Column.PHONE);
        }
        if (m.contains("UQ_ACCOUNTS_EMAIL")) {
            return new UniqueViolation(UniqueViolation.Column.EMAIL);
        }
        if (m.contains("UQ_ACCOUNTS_LOGIN_NAME")) {
            return new UniqueViolation(UniqueViolation.Column.LOGIN_NAME);
        }
        return new UniqueViolation(UniqueViolation.Column.OTHER);
    }

    /** Unique violations are thrown as checked; anything else is returned as the store's failure. */
    private static StoreException translate(SQLException e) throws UniqueViolation {
        if (e.getErrorCode() == DUPLICATE_KEY) {
            throw translateDuplicate(e);
        }
        return failure(e);
    }

    private Lease lease() throws SQLException {
        if (closed) {
            throw new SQLException("the account store is closed", "08003");
        }
        try {
            Connection c = pool.poll(BORROW_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (c == null) {
                throw new SQLException("no database connection free within " + BORROW_TIMEOUT_SECONDS + " s", "08001");
            }
            return new Lease(c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a database connection", "08001");
        }
    }

    private final class Lease implements AutoCloseable {
        final Connection c;

        Lease(Connection c) {
            this.c = c;
        }

        /**
         * This connection's prepared statement for {@code sql}, prepared once and kept: preparing is
         * a good part of a lookup's cost in H2. Not to be closed by the caller.
         */
        PreparedStatement prepared(String sql) throws SQLException {
            Map<String, PreparedStatement> byText = statements.computeIfAbsent(c, k -> new HashMap<>());
            PreparedStatement ps = byText.get(sql);
            if (ps == null) {
                ps = c.prepareStatement(sql);
                byText.put(sql, ps);
            }
            return ps;
        }

        @Override
        public void close() {
            pool.add(c);
        }
    }

    /** Closes every connection; H2 writes its last state and releases the file. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Connection c : all) {
            closeQuietly(c);
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.WARNING, "closing a database connection failed: {0}", e.getMessage());
        }
    }
}
