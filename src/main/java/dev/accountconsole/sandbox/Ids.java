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

    /**
     * The server's request id, quoted in the envelope and in {@code X-Ca-Request-Id}: a version-4
     * UUID. It is a trace id, not a secret, so it comes from the per-thread generator rather than
     * from {@code UUID.randomUUID()}, whose shared SecureRandom every request thread would queue on.
     */
    public static String newRequestId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long high = (r.nextLong() & ~0xF000L) | 0x4000L;
        long low = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
