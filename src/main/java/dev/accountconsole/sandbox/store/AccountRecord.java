package dev.accountconsole.sandbox.store;

/**
 * One stored account. The password hash lives only in the database and is never read back into
 * this type, so it cannot reach an answer by mistake.
 */
public record AccountRecord(String identityId, long loginId, String loginSource, String loginName, String phone,
                            String phoneLocationCode, String email, String nickName, String avatarUrl,
                            String creater, String modifier, String createAppKey, boolean frozen,
                            long gmtCreate, long gmtModified) {
}
