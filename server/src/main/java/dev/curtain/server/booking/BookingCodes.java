package dev.curtain.server.booking;

import java.security.SecureRandom;

/**
 * Short codes people read aloud and type at a counter: no 0/O, 1/I/L, 5/S ambiguity. Booking codes
 * look like {@code K7Q-4MZ} (about 30 bits); ticket codes are 12 characters (about 60 bits).
 */
final class BookingCodes {

    private static final char[] ALPHABET = "2346789ABCDEFGHJKMNPQRTUVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private BookingCodes() {
    }

    /** Where booking codes come from; a test puts a taken one first to see a collision handled. */
    static volatile java.util.function.Supplier<String> bookingCodes = () -> random(3) + "-" + random(3);

    static String bookingCode() {
        return bookingCodes.get();
    }

    static String ticketCode() {
        return random(12);
    }

    /** Upper-cases and restores the dash, so "k7q4mz" finds K7Q-4MZ. */
    static String normalize(String typed) {
        String bare = typed.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        return bare.length() == 6 ? bare.substring(0, 3) + "-" + bare.substring(3) : bare;
    }

    private static String random(int n) {
        char[] out = new char[n];
        for (int i = 0; i < n; i++) {
            out[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(out);
    }
}
