package dev.accountconsole.api;

/** The eight account APIs of gateway-protocol.md, section 4: path, apiVer and whether it only reads. */
public enum ApiOperation {
    QUERY_IDENTITY("/user/account/identity/query", "1.0.0", true, false),
    QUERY_IDENTITY_LIST("/iotx/account/queryIdentityList", "1.0.4", true, false),
    MODIFY_ACCOUNT("/iotx/account/modifyAccount", "1.0.4", false, true),
    REGISTER("/user/account/register", "1.0.2", false, false),
    UNREGISTER("/user/account/unregister", "1.0.1", false, false),
    FREEZE("/user/account/freeze", "1.0.1", false, false),
    UNFREEZE("/user/account/unfreeze", "1.0.0", false, false),
    QUERY_BY_PHONE("/user/account/querybyphone", "1.0.1", true, false);

    private final String path;
    private final String apiVersion;
    private final boolean read;
    private final boolean needsIotToken;

    ApiOperation(String path, String apiVersion, boolean read, boolean needsIotToken) {
        this.path = path;
        this.apiVersion = apiVersion;
        this.read = read;
        this.needsIotToken = needsIotToken;
    }

    public String path() {
        return path;
    }

    public String apiVersion() {
        return apiVersion;
    }

    /** Reads are safe to retry; writes never are. */
    public boolean isRead() {
        return read;
    }

    public boolean needsIotToken() {
        return needsIotToken;
    }

    /** The operation served at this path, or null. */
    public static ApiOperation forPath(String path) {
        for (ApiOperation op : values()) {
            if (op.path.equals(path)) {
                return op;
            }
        }
        return null;
    }
}
