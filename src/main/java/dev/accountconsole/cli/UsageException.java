package dev.accountconsole.cli;

/**
 * Bad usage found after parsing (no AppKey, an unknown profile, a missing {@code --yes}): exit
 * status 1, nothing sent. Carries a bundle key so the text follows {@code --language}.
 */
final class UsageException extends Exception {
    private final String key;
    private final transient Object[] args;

    UsageException(String key, Object... args) {
        super(key, null, false, false);
        this.key = key;
        this.args = args.clone();
    }

    String key() {
        return key;
    }

    Object[] args() {
        return args.clone();
    }
}
