package dev.accountconsole.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.accountconsole.account.FieldError;
import dev.accountconsole.account.Validation;
import dev.accountconsole.api.ApiOperation;
import dev.accountconsole.api.Json;
import dev.accountconsole.api.Secret;
import dev.accountconsole.sandbox.store.AccountRecord;
import dev.accountconsole.sandbox.store.AccountStore;
import dev.accountconsole.sandbox.store.AccountUpdate;
import dev.accountconsole.sandbox.store.NewAccount;
import dev.accountconsole.sandbox.store.UniqueViolation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The eight account APIs behind the gateway layer (gateway-protocol.md, section 4): reads the
 * {@code params}, applies the documented rules and answers with {@code data} or an {@link ApiError}.
 * Input rules are those of the client's {@link Validation}, so that what the console accepts the
 * sandbox accepts; the sandbox adds checks a client cannot skip (types, unpaired surrogates, control
 * characters, lengths).
 */
final class AccountApi {
    /** The caller as the gateway layer established it. */
    record Caller(String appKey, String iotToken) {
    }

    /** Success: {@code data} is null when the API sends none at all (unfreeze). */
    record Answer(JsonNode data) {
    }

    private static final int MAX_LOOKUP_LENGTH = 128;
    private static final Answer EMPTY_STRING = new Answer(TextNode.valueOf(""));

    private final AccountStore store;
    private final PasswordHasher hasher;
    private final Secret iotToken;
    private final Clock clock;

    AccountApi(AccountStore store, PasswordHasher hasher, Secret iotToken, Clock clock) {
        this.store = store;
        this.hasher = hasher;
        this.iotToken = iotToken;
        this.clock = clock;
    }

    Answer call(ApiOperation op, Caller caller, ObjectNode params) throws ApiError.Failure {
        return switch (op) {
            case QUERY_IDENTITY -> queryIdentity(params);
            case QUERY_IDENTITY_LIST -> queryIdentityList(params);
            case MODIFY_ACCOUNT -> modify(caller, params);
            case REGISTER -> register(caller, params);
            case UNREGISTER -> byIdentityId(params, ApiError.IDENTITY_ID_BLANK, store::delete, EMPTY_STRING);
            case FREEZE -> byIdentityId(params, ApiError.IDENTITY_ID_BLANK,
                    id -> store.setFrozen(id, true, clock.millis()), EMPTY_STRING);
            case UNFREEZE -> byIdentityId(params, ApiError.FORBIDDEN,
                    id -> store.setFrozen(id, false, clock.millis()), new Answer(null));
            case QUERY_BY_PHONE -> found(store.findByPhone(lookupKey(params, "phone")), ApiError.IDENTITY_NOT_EXISTED);
        };
    }

    private Answer queryIdentity(ObjectNode params) throws ApiError.Failure {
        JsonNode opType = params.get("opType");
        if (opType == null || !opType.isIntegralNumber() || !opType.canConvertToInt()) {
            throw ApiError.PARAMETER_ERROR.failure();
        }
        AccountRecord found;
        switch (opType.intValue()) {
            case 1 -> {
                String loginId = lookupKey(params, "loginId");
                String loginSource = lookupKey(params, "loginSource");
                found = loginSource.equals(AccountStore.LOGIN_SOURCE) ? byLoginId(loginId) : null;
            }
            case 2 -> found = store.findByPhone(lookupKey(params, "phone"));
            case 3 -> found = store.findByEmail(lookupKey(params, "email"));
            default -> throw ApiError.PARAMETER_ERROR.failure();
        }
        return found(found, ApiError.IDENTITY_NOT_EXISTED);
    }

    private AccountRecord byLoginId(String loginId) {
        try {
            return store.findByLoginId(Long.parseLong(loginId));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Answer found(AccountRecord r, ApiError notFound) throws ApiError.Failure {
        if (r == null) {
            throw notFound.failure();
        }
        return new Answer(toJson(r));
    }

    private Answer queryIdentityList(ObjectNode params) throws ApiError.Failure {
        JsonNode request = params.get("request");
        if (request == null || !request.isObject()) {
            throw ApiError.PARAMETER_ERROR.failure();
        }
        JsonNode ids = request.get("identityIds");
        if (ids != null && !ids.isNull() && !ids.isArray()) {
            throw ApiError.PARAMETER_ERROR.failure();
        }
        if (ids == null || ids.isNull() || ids.isEmpty() || ids.size() > Validation.MAX_IDS_PER_LIST_CALL) {
            throw ApiError.IDENTITY_IDS_COUNT.failure();
        }
        List<String> list = new ArrayList<>(ids.size());
        for (JsonNode id : ids) {
            if (!id.isTextual() || !wellFormed(id.textValue())
                    || Validation.checkIdentityId("identityIds", id.textValue()) != null) {
                throw ApiError.PARAMETER_ERROR.failure();
            }
            list.add(id.textValue());
        }
        Map<String, AccountRecord> found = store.findByIds(list);
        ArrayNode out = Json.MAPPER.createArrayNode();
        for (String id : list) {
            AccountRecord r = found.get(id);
            if (r != null) {
                out.add(toJson(r));
            }
        }
        return new Answer(out);
    }

    private Answer register(Caller caller, ObjectNode p) throws ApiError.Failure {
        String loginName = optionalText(p, "loginName");
        String phone = optionalText(p, "phone");
        String locationCode = optionalText(p, "mobileLocationCode");
        String email = optionalText(p, "email");
        String nickName = optionalText(p, "nickName");
        String password = optionalText(p, "password");
        String avatarUrl = optionalText(p, "avatarUrl");
        String creater = optionalText(p, "creater");
        if (loginName == null && phone == null && email == null) {
            throw ApiError.PARAMETER_ERROR.failure();
        }
        require(Validation.checkText("loginName", loginName, false));
        require(Validation.checkLocationCode("mobileLocationCode", locationCode));
        if (phone != null && Validation.checkPhone("phone", phone, locationCode) != null) {
            throw ApiError.REGISTER_PHONE_FORMAT.failure();
        }
        if (email != null) {
            require(Validation.checkEmail("email", email));
        }
        require(Validation.checkText("nickName", nickName, true));
        require(Validation.checkText("creater", creater, true));
        require(Validation.checkAvatarUrl("avatarUrl", avatarUrl));
        require(Validation.checkPassword("password", password));

        String identityId = Ids.newIdentityId();
        NewAccount account = new NewAccount(identityId, loginName, phone,
                Validation.normalizeLocationCode(locationCode), email, nickName,
                password == null ? null : hasher.hash(password), avatarUrl, creater, caller.appKey(), false,
                clock.millis());
        try {
            store.insert(account);
        } catch (UniqueViolation e) {
            throw ApiError.REGISTER_FAILED.failure();
        }
        return new Answer(TextNode.valueOf(identityId));
    }

    private Answer modify(Caller caller, ObjectNode params) throws ApiError.Failure {
        if (caller.iotToken() == null || !MessageDigest.isEqual(caller.iotToken().getBytes(StandardCharsets.UTF_8),
                iotToken.reveal().getBytes(StandardCharsets.UTF_8))) {
            throw ApiError.AUTH_ERROR.failure();
        }
        JsonNode request = params.get("request");
        if (request == null || !request.isObject()) {
            throw ApiError.PARAMETER_ERROR.failure();
        }
        String identityId = optionalText((ObjectNode) request, "identityId");
        if (Validation.checkIdentityId("identityId", identityId) != null) {
            throw ApiError.PARAMETER_ERROR.failure();
        }
        JsonNode metaNode = request.get("accountMetaV2");
        if (metaNode == null || !metaNode.isObject()) {
            throw ApiError.PARAMETER_ERROR.failure();
        }
        ObjectNode meta = (ObjectNode) metaNode;
        String appKey = optionalText(meta, "appKey");
        if (appKey == null) {
            throw ApiError.PARAMETER_ERROR.failure();
        }
        if (!appKey.equals(caller.appKey())) {
            throw ApiError.APP_KEY_TENANT_MISMATCH.failure();
        }
        String loginName = optionalText(meta, "loginName");
        String phone = optionalText(meta, "phone");
        String email = optionalText(meta, "email");
        String nickName = optionalText(meta, "nickName");
        String password = optionalText(meta, "password");
        String avatarUrl = optionalText(meta, "avatarUrl");
        String creater = optionalText(meta, "creater");
        String modifier = optionalText(meta, "modifier");
        // The seed page: "手机号和邮箱至少一个必填".
        if (phone == null && email == null) {
            throw ApiError.PARAMETER_ERROR.failure();
        }
        require(Validation.checkText("loginName", loginName, false));
        if (email != null) {
            require(Validation.checkEmail("email", email));
        }
        require(Validation.checkText("nickName", nickName, true));
        require(Validation.checkText("creater", creater, true));
        require(Validation.checkText("modifier", modifier, true));
        require(Validation.checkAvatarUrl("avatarUrl", avatarUrl));
        require(Validation.checkPassword("password", password));

        AccountRecord current = store.findById(identityId);
        if (current == null) {
            throw ApiError.EMPLOYEE_NOT_EXIST.failure();
        }
        // A changed phone follows the account's own location code; resending the current one is fine.
        if (phone != null && !phone.equals(current.phone())
                && Validation.checkPhone("phone", phone, current.phoneLocationCode()) != null) {
            throw ApiError.INVALID_MOBILE.failure();
        }
        AccountUpdate update = new AccountUpdate(loginName, phone, email, nickName,
                password == null ? null : hasher.hash(password), avatarUrl, creater, modifier);
        try {
            if (!store.update(identityId, update, clock.millis())) {
                throw ApiError.EMPLOYEE_NOT_EXIST.failure();
            }
        } catch (UniqueViolation e) {
            throw switch (e.column()) {
                case PHONE, EMAIL -> ApiError.PHONE_REGISTERED.failure();
                default -> ApiError.PARAMETER_ERROR.failure();
            };
        }
        return EMPTY_STRING;
    }

    /** An operation on one account by {@code identityId}; blank, malformed or unknown ids all get {@code error}. */
    private static Answer byIdentityId(ObjectNode params, ApiError error, IdOperation operation, Answer success)
            throws ApiError.Failure {
        JsonNode node = params.get("identityId");
        if (node == null || !node.isTextual() || !wellFormed(node.textValue())
                || Validation.checkIdentityId("identityId", node.textValue()) != null
                || !operation.apply(node.textValue())) {
            throw error.failure();
        }
        return success;
    }

    @FunctionalInterface
    private interface IdOperation {
        boolean apply(String identityId);
    }

    /** A required lookup value (phone, email, loginId): text, not blank, of a sane length. */
    private static String lookupKey(ObjectNode params, String field) throws ApiError.Failure {
        String v = optionalText(params, field);
        if (v == null || v.isBlank() || v.length() > MAX_LOOKUP_LENGTH) {
            throw ApiError.PARAMETER_ERROR.failure();
        }
        return v;
    }

    /**
     * A text parameter: absent, null and {@code ""} all mean "not given"; any other type, unpaired
     * surrogates or control characters are a parameter error.
     */
    private static String optionalText(ObjectNode node, String field) throws ApiError.Failure {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual() || !wellFormed(v.textValue())) {
            throw ApiError.PARAMETER_ERROR.failure();
        }
        return v.textValue().isEmpty() ? null : v.textValue();
    }

    private static boolean wellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c)) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static void require(FieldError error) throws ApiError.Failure {
        if (error != null) {
            throw ApiError.PARAMETER_ERROR.failure();
        }
    }

    /** The account object; the password hash is not even read from the database. */
    static ObjectNode toJson(AccountRecord r) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("identityId", r.identityId());
        n.put("loginId", Long.toString(r.loginId()));
        n.put("loginSource", r.loginSource());
        putIfPresent(n, "loginName", r.loginName());
        putIfPresent(n, "phone", r.phone());
        putIfPresent(n, "phoneLocationCode", r.phoneLocationCode());
        putIfPresent(n, "email", r.email());
        putIfPresent(n, "nickName", r.nickName());
        putIfPresent(n, "avatarUrl", r.avatarUrl());
        putIfPresent(n, "creater", r.creater());
        putIfPresent(n, "modifier", r.modifier());
        putIfPresent(n, "createAppKey", r.createAppKey());
        n.put("gmtCreate", r.gmtCreate());
        n.put("gmtModified", r.gmtModified());
        n.put("frozen", r.frozen());
        return n;
    }

    private static void putIfPresent(ObjectNode n, String field, String value) {
        if (value != null) {
            n.put(field, value);
        }
    }
}
