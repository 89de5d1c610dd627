package dev.accountconsole.account;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The client-side rules of gateway-protocol.md: bad input is refused here, with one
 * {@link FieldError} per field, and never reaches the wire. Every check is a pure function so that
 * the console can run it as the operator types.
 */
public final class Validation {
    public static final int MAX_IDENTITY_ID_LENGTH = 64;
    public static final int MAX_IDS_PER_LIST_CALL = 50;
    public static final int MAX_TEXT_LENGTH = 64;
    public static final int MAX_EMAIL_LENGTH = 128;
    public static final int MAX_URL_LENGTH = 512;
    public static final int MIN_PASSWORD_LENGTH = 6;
    public static final int MAX_PASSWORD_LENGTH = 128;

    private static final Pattern CN_MOBILE = Pattern.compile("1[0-9]{10}");
    private static final Pattern OTHER_PHONE = Pattern.compile("[0-9]{4,15}");
    private static final Pattern LOCATION_CODE = Pattern.compile("[0-9]{1,4}");
    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@.]+(\\.[^\\s@.]+)+");
    private static final Pattern WHITESPACE = Pattern.compile(".*\\s.*", Pattern.DOTALL);

    private Validation() {
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Strips a leading {@code +} and white space from a location code; null stays null. */
    public static String normalizeLocationCode(String code) {
        if (blank(code)) {
            return null;
        }
        String c = code.strip();
        return c.startsWith("+") ? c.substring(1) : c;
    }

    /** The location-code rule: one to four digits, {@code +} allowed in front. */
    public static FieldError checkLocationCode(String field, String code) {
        String c = normalizeLocationCode(code);
        if (c != null && !LOCATION_CODE.matcher(c).matches()) {
            return FieldError.of(field, "validation.locationCode.format");
        }
        return null;
    }

    /**
     * The phone rule: with the location code absent or 86, eleven digits starting with 1; otherwise
     * four to fifteen digits. Masked display forms ({@code 138****5678}) never pass.
     */
    public static FieldError checkPhone(String field, String phone, String locationCode) {
        if (blank(phone)) {
            return FieldError.of(field, "validation.required");
        }
        String code = normalizeLocationCode(locationCode);
        if (code == null || code.equals("86")) {
            return CN_MOBILE.matcher(phone).matches() ? null : FieldError.of(field, "validation.phone.cn");
        }
        return OTHER_PHONE.matcher(phone).matches() ? null : FieldError.of(field, "validation.phone.other");
    }

    /** A phone to look up: any stored phone shape, four to fifteen digits. */
    public static FieldError checkPhoneForLookup(String field, String phone) {
        if (blank(phone)) {
            return FieldError.of(field, "validation.required");
        }
        return OTHER_PHONE.matcher(phone).matches() ? null : FieldError.of(field, "validation.phone.lookup");
    }

    public static FieldError checkEmail(String field, String email) {
        if (blank(email)) {
            return FieldError.of(field, "validation.required");
        }
        if (email.length() > MAX_EMAIL_LENGTH) {
            return FieldError.of(field, "validation.tooLong", MAX_EMAIL_LENGTH);
        }
        return EMAIL.matcher(email).matches() ? null : FieldError.of(field, "validation.email.format");
    }

    /**
     * The identityId rule (chosen): not blank, no white space, at most 64 characters. The vendor's
     * own ids vary in length and alphabet, so neither is checked.
     */
    public static FieldError checkIdentityId(String field, String id) {
        if (blank(id)) {
            return FieldError.of(field, "validation.required");
        }
        if (WHITESPACE.matcher(id).matches()) {
            return FieldError.of(field, "validation.identityId.whitespace");
        }
        if (id.length() > MAX_IDENTITY_ID_LENGTH) {
            return FieldError.of(field, "validation.tooLong", MAX_IDENTITY_ID_LENGTH);
        }
        return null;
    }

    /** A short free-text field (login name, nick name, creater): no outer white space, bounded. */
    public static FieldError checkText(String field, String value, boolean allowInnerSpace) {
        if (value == null) {
            return null;
        }
        if (value.isBlank()) {
            return FieldError.of(field, "validation.blank");
        }
        if (!allowInnerSpace && WHITESPACE.matcher(value).matches()) {
            return FieldError.of(field, "validation.whitespace");
        }
        if (!value.strip().equals(value)) {
            return FieldError.of(field, "validation.outerWhitespace");
        }
        if (value.length() > MAX_TEXT_LENGTH) {
            return FieldError.of(field, "validation.tooLong", MAX_TEXT_LENGTH);
        }
        return null;
    }

    public static FieldError checkAvatarUrl(String field, String url) {
        if (url == null) {
            return null;
        }
        if (url.length() > MAX_URL_LENGTH) {
            return FieldError.of(field, "validation.tooLong", MAX_URL_LENGTH);
        }
        try {
            URI u = new URI(url);
            String scheme = u.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || u.getHost() == null) {
                return FieldError.of(field, "validation.url.format");
            }
        } catch (Exception e) {
            return FieldError.of(field, "validation.url.format");
        }
        return null;
    }

    public static FieldError checkPassword(String field, String password) {
        if (password == null) {
            return null;
        }
        if (password.length() < MIN_PASSWORD_LENGTH) {
            return FieldError.of(field, "validation.password.short", MIN_PASSWORD_LENGTH);
        }
        if (password.length() > MAX_PASSWORD_LENGTH) {
            return FieldError.of(field, "validation.tooLong", MAX_PASSWORD_LENGTH);
        }
        return null;
    }

    /** 1 to 50 ids, each valid, for one queryIdentityList call. */
    public static List<FieldError> checkIdentityIdList(String field, List<String> ids) {
        List<FieldError> errors = new ArrayList<>();
        if (ids == null || ids.isEmpty()) {
            errors.add(FieldError.of(field, "validation.ids.count", MAX_IDS_PER_LIST_CALL));
            return errors;
        }
        if (ids.size() > MAX_IDS_PER_LIST_CALL) {
            errors.add(FieldError.of(field, "validation.ids.count", MAX_IDS_PER_LIST_CALL));
        }
        for (String id : ids) {
            FieldError e = checkIdentityId(field, id);
            if (e != null) {
                errors.add(e);
                break;
            }
        }
        return errors;
    }

    public static List<FieldError> checkQuery(IdentityQuery query) {
        List<FieldError> errors = new ArrayList<>();
        if (query instanceof IdentityQuery.ByLoginId q) {
            if (blank(q.loginId())) {
                errors.add(FieldError.of("loginId", "validation.required"));
            }
            if (blank(q.loginSource())) {
                errors.add(FieldError.of("loginSource", "validation.required"));
            }
        } else if (query instanceof IdentityQuery.ByPhone q) {
            add(errors, checkPhoneForLookup("phone", q.phone()));
        } else if (query instanceof IdentityQuery.ByEmail q) {
            add(errors, checkEmail("email", q.email()));
        }
        return errors;
    }

    public static List<FieldError> checkRegistration(Registration r) {
        List<FieldError> errors = new ArrayList<>();
        if (blank(r.loginName()) && blank(r.phone()) && blank(r.email())) {
            errors.add(FieldError.of("loginName", "validation.register.identifier"));
        }
        add(errors, checkText("loginName", emptyToNull(r.loginName()), false));
        if (!blank(r.phone())) {
            add(errors, checkPhone("phone", r.phone(), r.mobileLocationCode()));
        }
        add(errors, checkLocationCode("mobileLocationCode", r.mobileLocationCode()));
        if (!blank(r.email())) {
            add(errors, checkEmail("email", r.email()));
        }
        add(errors, checkText("nickName", emptyToNull(r.nickName()), true));
        add(errors, checkText("creater", emptyToNull(r.creater()), true));
        add(errors, checkAvatarUrl("avatarUrl", emptyToNull(r.avatarUrl())));
        add(errors, checkPassword("password", r.password() == null ? null : r.password().reveal()));
        return errors;
    }

    /**
     * modifyAccount: a valid id, something to change, each changed field valid, and an iotToken. The
     * seed page marks phone and email "at least one required"; the service adds the account's
     * current one when neither changes, so that rule is not the caller's burden.
     */
    public static List<FieldError> checkModify(String identityId, AccountChanges c, boolean hasIotToken) {
        List<FieldError> errors = new ArrayList<>();
        add(errors, checkIdentityId("identityId", identityId));
        if (!hasIotToken) {
            errors.add(FieldError.of("iotToken", "validation.iotToken.missing"));
        }
        if (c.isEmpty()) {
            errors.add(FieldError.of("accountMetaV2", "validation.modify.nothing"));
        }
        add(errors, checkText("loginName", c.loginName(), false));
        if (c.phone() != null) {
            add(errors, checkPhone("phone", c.phone(), null));
        }
        if (c.email() != null) {
            add(errors, checkEmail("email", c.email()));
        }
        add(errors, checkText("nickName", c.nickName(), true));
        add(errors, checkText("creater", c.creater(), true));
        add(errors, checkText("modifier", c.modifier(), true));
        add(errors, checkAvatarUrl("avatarUrl", c.avatarUrl()));
        add(errors, checkPassword("password", c.password() == null ? null : c.password().reveal()));
        return errors;
    }

    static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static void add(List<FieldError> errors, FieldError e) {
        if (e != null) {
            errors.add(e);
        }
    }

    /** Throws when there is anything to report. */
    public static void require(List<FieldError> errors) throws InvalidInputException {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
