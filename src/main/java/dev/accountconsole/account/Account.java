package dev.accountconsole.account;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An account as the gateway returns it (gateway-protocol.md, section 4). Every field may be missing;
 * fields this version does not know are ignored. {@code frozen} is a sandbox extension: null when
 * the gateway does not say.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Account(
        String identityId,
        String loginId,
        String loginSource,
        String loginName,
        String phone,
        String phoneLocationCode,
        String email,
        String nickName,
        String avatarUrl,
        String creater,
        String modifier,
        String createAppKey,
        Long gmtCreate,
        Long gmtModified,
        Boolean frozen) {

    /** The best short name for this account in a sentence: nick name, login name, phone, email or id. */
    public String displayName() {
        for (String s : new String[] {nickName, loginName, phone, email, identityId}) {
            if (s != null && !s.isBlank()) {
                return s;
            }
        }
        return "";
    }
}
