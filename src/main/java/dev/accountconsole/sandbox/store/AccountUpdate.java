package dev.accountconsole.sandbox.store;

/** The columns a modifyAccount call changes; null leaves a column as it is. */
public record AccountUpdate(String loginName, String phone, String email, String nickName, String passwordHash,
                            String avatarUrl, String creater, String modifier) {
}
