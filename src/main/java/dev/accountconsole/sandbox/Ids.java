package dev.accountconsole.sandbox;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Identifier shapes of gateway-protocol.md, section 4. */
public final class Ids {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    public static final int IDENTITY_ID_LENGTH = 40;

    private Ids() {
    }

    /**
     * A 40-character identityId, hex with {@code op} at positions 5-6, like
     * {@code 505fop357f0d8299b92664fc91012ae88ed25269}. 38 random hex digits make a collision
     * vanishingly unlikely; the primary key refuses one anyway.
     */
    public static String newIdentityId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        char[] id = new char[IDENTITY_ID_LENGTH];
        for (int i = 0; i < id.length; i++) {
            id[i] = HEX[r.nextInt(16)];
        }
        id[4] = 'o';
        id[5] = 'p';
        return new String(id);
    }

    /** The server's request id, quoted in the envelope and in {@code X-Ca-Request-Id}. */
    public static String newRequestId() {
        return UUID.randomUUID().toString();
    }
}
