package dev.accountconsole.sandbox.store;

/** An account to insert; {@code passwordHash} is already a bcrypt hash, or null. */
public record NewAccount(String identityId, String loginName, String phone, String phoneLocationCode,
                         String email, String nickName, String passwordHash, String avatarUrl, String creater,
                         String createAppKey, boolean frozen, long createdAt) {
}
