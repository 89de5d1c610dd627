package dev.accountconsole.account;

import dev.accountconsole.api.Secret;

/**
 * A register request. At least one of loginName, phone and email identifies the account; the rest
 * are optional. Blank values count as absent.
 */
public record Registration(String loginName, String phone, String mobileLocationCode, String email,
                           String nickName, Secret password, String avatarUrl, String creater) {

    public static Builder builder() {
        return new Builder();
    }

    /** Fluent construction, for callers that set a few of the eight fields. */
    public static final class Builder {
        private String loginName;
        private String phone;
        private String mobileLocationCode;
        private String email;
        private String nickName;
        private Secret password;
        private String avatarUrl;
        private String creater;

        public Builder loginName(String v) { loginName = v; return this; }
        public Builder phone(String v) { phone = v; return this; }
        public Builder mobileLocationCode(String v) { mobileLocationCode = v; return this; }
        public Builder email(String v) { email = v; return this; }
        public Builder nickName(String v) { nickName = v; return this; }
        public Builder password(Secret v) { password = v; return this; }
        public Builder avatarUrl(String v) { avatarUrl = v; return this; }
        public Builder creater(String v) { creater = v; return this; }

        public Registration build() {
            return new Registration(loginName, phone, mobileLocationCode, email, nickName, password, avatarUrl, creater);
        }
    }
}
