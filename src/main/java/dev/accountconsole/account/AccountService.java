package dev.accountconsole.account;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accountconsole.api.ApiException;
import dev.accountconsole.api.ApiOperation;
import dev.accountconsole.api.ApiResponse;
import dev.accountconsole.api.Cancellation;
import dev.accountconsole.api.GatewayClient;
import dev.accountconsole.api.Json;
import dev.accountconsole.api.TransportException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The eight account operations, typed: validates input (bad input never reaches the wire), calls the
 * signed client and turns {@code data} into models. Used alike by the console and the CLI.
 *
 * <p>Every method blocks; call it off the JavaFX thread. Each takes a {@link Cancellation} so that a
 * caller can stop it.
 */
public final class AccountService {
    private final GatewayClient client;

    public AccountService(GatewayClient client) {
        this.client = client;
    }

    public GatewayClient client() {
        return client;
    }

    /** identity/query: by loginId+loginSource, phone or email. */
    public Result<Account> queryIdentity(IdentityQuery query, Cancellation cancel)
            throws InvalidInputException, ApiException {
        Validation.require(Validation.checkQuery(query));
        ObjectNode params = Json.MAPPER.createObjectNode();
        params.put("opType", query.opType());
        if (query instanceof IdentityQuery.ByLoginId q) {
            params.put("loginId", q.loginId().strip());
            params.put("loginSource", q.loginSource().strip());
        } else if (query instanceof IdentityQuery.ByPhone q) {
            params.put("phone", q.phone());
        } else if (query instanceof IdentityQuery.ByEmail q) {
            params.put("email", q.email());
        }
        ApiResponse r = client.call(ApiOperation.QUERY_IDENTITY, params, cancel);
        return new Result<>(toAccount(r), r.requestId(), r.elapsedMillis(), r.data());
    }

    /** querybyphone. */
    public Result<Account> queryByPhone(String phone, Cancellation cancel) throws InvalidInputException, ApiException {
        ApiResponse r = callQueryByPhone(phone, cancel);
        return new Result<>(toAccount(r), r.requestId(), r.elapsedMillis(), r.data());
    }

    /**
     * querybyphone for a caller that uses the account's {@code data} as it came, not the typed
     * model (the CLI prints it): the same validation, call and check that {@code data} is an
     * object, without the model's conversion (measured: about 7 % of the CLI's CPU in a bulk run
     * of 10,000 lookups).
     */
    public Result<JsonNode> queryByPhoneData(String phone, Cancellation cancel)
            throws InvalidInputException, ApiException {
        ApiResponse r = callQueryByPhone(phone, cancel);
        if (!r.data().isObject()) {
            throw badData(r);
        }
        return new Result<>(r.data(), r.requestId(), r.elapsedMillis(), r.data());
    }

    private ApiResponse callQueryByPhone(String phone, Cancellation cancel) throws InvalidInputException, ApiException {
        Validation.require(listOf(Validation.checkPhoneForLookup("phone", phone)));
        ObjectNode params = Json.MAPPER.createObjectNode().put("phone", phone);
        return client.call(ApiOperation.QUERY_BY_PHONE, params, cancel);
    }

    /** queryIdentityList: 1 to 50 ids; the accounts found, in request order, missing ones left out. */
    public Result<List<Account>> queryIdentityList(List<String> identityIds, Cancellation cancel)
            throws InvalidInputException, ApiException {
        Validation.require(Validation.checkIdentityIdList("identityIds", identityIds));
        ObjectNode params = Json.MAPPER.createObjectNode();
        params.putObject("request").putPOJO("identityIds", List.copyOf(identityIds));
        ApiResponse r = client.call(ApiOperation.QUERY_IDENTITY_LIST, params, cancel);
        List<Account> accounts = new ArrayList<>();
        if (r.data().isArray()) {
            for (JsonNode n : r.data()) {
                accounts.add(convert(n, r));
            }
        } else if (!r.data().isMissingNode() && !r.data().isNull()) {
            throw badData(r);
        }
        return new Result<>(List.copyOf(accounts), r.requestId(), r.elapsedMillis(), r.data());
    }

    /**
     * Any number of ids: split into queryIdentityList calls of at most 50, in order. Stops at the first
     * failure; each batch's result keeps its own request id.
     */
    public List<Result<List<Account>>> queryIdentityListBatched(List<String> identityIds, Cancellation cancel)
            throws InvalidInputException, ApiException {
        if (identityIds.isEmpty()) {
            Validation.require(Validation.checkIdentityIdList("identityIds", identityIds));
        }
        for (String id : identityIds) {
            Validation.require(listOf(Validation.checkIdentityId("identityIds", id)));
        }
        List<Result<List<Account>>> results = new ArrayList<>();
        for (int from = 0; from < identityIds.size(); from += Validation.MAX_IDS_PER_LIST_CALL) {
            int to = Math.min(identityIds.size(), from + Validation.MAX_IDS_PER_LIST_CALL);
            results.add(queryIdentityList(identityIds.subList(from, to), cancel));
        }
        return results;
    }

    /** register: the new account's identityId. */
    public Result<String> register(Registration reg, Cancellation cancel) throws InvalidInputException, ApiException {
        Validation.require(Validation.checkRegistration(reg));
        ObjectNode params = Json.MAPPER.createObjectNode();
        putIfPresent(params, "loginName", reg.loginName());
        putIfPresent(params, "phone", reg.phone());
        putIfPresent(params, "mobileLocationCode", Validation.normalizeLocationCode(reg.mobileLocationCode()));
        putIfPresent(params, "email", reg.email());
        putIfPresent(params, "nickName", reg.nickName());
        if (reg.password() != null && !reg.password().isEmpty()) {
            params.put("password", reg.password().reveal());
        }
        putIfPresent(params, "avatarUrl", reg.avatarUrl());
        putIfPresent(params, "creater", reg.creater());
        ApiResponse r = client.call(ApiOperation.REGISTER, params, cancel);
        if (!r.data().isTextual() || r.data().asText().isEmpty()) {
            throw badData(r);
        }
        return new Result<>(r.data().asText(), r.requestId(), r.elapsedMillis(), r.data());
    }

    /**
     * modifyAccount: sends only the given changes, with the caller's appKey and the profile's iotToken.
     * The seed page requires phone or email in every call; callers that change neither pass the
     * account's current one through {@code changes} (the console does).
     */
    public Result<Void> modify(String identityId, AccountChanges changes, Cancellation cancel)
            throws InvalidInputException, ApiException {
        Validation.require(Validation.checkModify(identityId, changes, client.settings().iotToken() != null));
        ObjectNode params = Json.MAPPER.createObjectNode();
        ObjectNode request = params.putObject("request");
        request.put("identityId", identityId);
        ObjectNode meta = request.putObject("accountMetaV2");
        putIfPresent(meta, "loginName", changes.loginName());
        putIfPresent(meta, "phone", changes.phone());
        putIfPresent(meta, "email", changes.email());
        putIfPresent(meta, "nickName", changes.nickName());
        if (changes.password() != null) {
            meta.put("password", changes.password().reveal());
        }
        meta.put("appKey", client.settings().appKey());
        putIfPresent(meta, "creater", changes.creater());
        putIfPresent(meta, "modifier", changes.modifier());
        putIfPresent(meta, "avatarUrl", changes.avatarUrl());
        ApiResponse r = client.call(ApiOperation.MODIFY_ACCOUNT, params, cancel);
        return new Result<>(null, r.requestId(), r.elapsedMillis(), r.data());
    }

    public Result<Void> freeze(String identityId, Cancellation cancel) throws InvalidInputException, ApiException {
        return byIdentityId(ApiOperation.FREEZE, identityId, cancel);
    }

    public Result<Void> unfreeze(String identityId, Cancellation cancel) throws InvalidInputException, ApiException {
        return byIdentityId(ApiOperation.UNFREEZE, identityId, cancel);
    }

    public Result<Void> unregister(String identityId, Cancellation cancel) throws InvalidInputException, ApiException {
        return byIdentityId(ApiOperation.UNREGISTER, identityId, cancel);
    }

    private Result<Void> byIdentityId(ApiOperation op, String identityId, Cancellation cancel)
            throws InvalidInputException, ApiException {
        Validation.require(listOf(Validation.checkIdentityId("identityId", identityId)));
        ObjectNode params = Json.MAPPER.createObjectNode().put("identityId", identityId);
        ApiResponse r = client.call(op, params, cancel);
        return new Result<>(null, r.requestId(), r.elapsedMillis(), r.data());
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null && !value.isEmpty()) {
            node.put(field, value);
        }
    }

    private static List<FieldError> listOf(FieldError e) {
        return e == null ? List.of() : List.of(e);
    }

    private static Account toAccount(ApiResponse r) throws TransportException {
        if (!r.data().isObject()) {
            throw badData(r);
        }
        return convert(r.data(), r);
    }

    private static Account convert(JsonNode node, ApiResponse r) throws TransportException {
        try {
            return Json.MAPPER.treeToValue(node, Account.class);
        } catch (IOException e) {
            throw badData(r);
        }
    }

    private static TransportException badData(ApiResponse r) {
        return new TransportException(r.operation(), TransportException.Kind.BAD_RESPONSE,
                r.elapsedMillis(), r.clientRequestId(), r.elapsedMillis(), null);
    }
}
