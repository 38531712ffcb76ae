package dev.curtain.server.db;

import java.security.SecureRandom;

/** Short random identifiers: 12 characters of lowercase base32, about 60 bits. */
public final class Ids {

    private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static String newId() {
        return random(12);
    }

    /** One read of the shared generator per id (each read takes its lock); 32 letters = 5 bits a byte, unbiased. */
    public static String random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = ALPHABET[bytes[i] & (ALPHABET.length - 1)];
        }
        return new String(chars);
    }
}
