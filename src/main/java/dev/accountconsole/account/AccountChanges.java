package dev.accountconsole.account;

import dev.accountconsole.api.Secret;

/**
 * The fields of a modifyAccount call ({@code accountMetaV2}), each null when it is not to change.
 * The appKey is the caller's own and is added by the service.
 */
public record AccountChanges(String loginName, String phone, String email, String nickName, Secret password,
                             String avatarUrl, String creater, String modifier) {

    public static Builder builder() {
        return new Builder();
    }

    public boolean isEmpty() {
        return loginName == null && phone == null && email == null && nickName == null && password == null
                && avatarUrl == null && creater == null;
    }

    /** Fluent construction, for callers that change a few fields. */
    public static final class Builder {
        private String loginName;
        private String phone;
        private String email;
        private String nickName;
        private Secret password;
        private String avatarUrl;
        private String creater;
        private String modifier;

        public Builder loginName(String v) { loginName = v; return this; }
        public Builder phone(String v) { phone = v; return this; }
        public Builder email(String v) { email = v; return this; }
        public Builder nickName(String v) { nickName = v; return this; }
        public Builder password(Secret v) { password = v; return this; }
        public Builder avatarUrl(String v) { avatarUrl = v; return this; }
        public Builder creater(String v) { creater = v; return this; }
        public Builder modifier(String v) { modifier = v; return this; }

        public AccountChanges build() {
            return new AccountChanges(loginName, phone, email, nickName, password, avatarUrl, creater, modifier);
        }
    }
}
