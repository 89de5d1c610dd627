package dev.accountconsole.account;

/** The three ways identity/query finds an account ({@code opType} 1, 2 and 3). */
public sealed interface IdentityQuery {
    int opType();

    record ByLoginId(String loginId, String loginSource) implements IdentityQuery {
        public int opType() {
            return 1;
        }
    }

    record ByPhone(String phone) implements IdentityQuery {
        public int opType() {
            return 2;
        }
    }

    record ByEmail(String email) implements IdentityQuery {
        public int opType() {
            return 3;
        }
    }
}
