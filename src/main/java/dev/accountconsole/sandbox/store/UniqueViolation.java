package dev.accountconsole.sandbox.store;

/** A write collided with another account's loginName, phone or email (or, vanishingly rarely, its id). */
public final class UniqueViolation extends Exception {

    /** Which unique column collided. */
    public enum Column { LOGIN_NAME, PHONE, EMAIL, OTHER }

    private final Column column;

    public UniqueViolation(Column column) {
        super("duplicate " + column.name().toLowerCase(java.util.Locale.ROOT), null, false, false);
        this.column = column;
    }

    public Column column() {
        return column;
    }
}
