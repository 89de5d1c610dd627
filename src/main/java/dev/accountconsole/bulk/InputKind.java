package dev.accountconsole.bulk;

/** How a row names its account. Phones are resolved to an identityId (a read) before any write. */
public enum InputKind {
    IDENTITY_ID,
    PHONE
}
