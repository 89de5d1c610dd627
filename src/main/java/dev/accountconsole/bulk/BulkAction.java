package dev.accountconsole.bulk;

/** What a bulk job does to each account. */
public enum BulkAction {
    LOOKUP("bulk.action.lookup", false),
    FREEZE("bulk.action.freeze", true),
    UNFREEZE("bulk.action.unfreeze", true),
    UNREGISTER("bulk.action.unregister", true);

    private final String key;
    private final boolean write;

    BulkAction(String key, boolean write) {
        this.key = key;
        this.write = write;
    }

    /** Writes are sent at most once per row; reads may be repeated freely. */
    public boolean isWrite() {
        return write;
    }

    /** The bundle key of the action's name. */
    public String key() {
        return key;
    }
}
