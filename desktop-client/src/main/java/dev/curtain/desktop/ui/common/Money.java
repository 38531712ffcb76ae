package dev.curtain.desktop.ui.common;

import java.util.Locale;

/** Minor units to text: 4550 EUR → "45.50 EUR". */
public final class Money {

    private Money() {
    }

    public static String format(long minor, String currency) {
        String sign = minor < 0 ? "-" : "";
        long abs = Math.abs(minor);
        return String.format(Locale.ROOT, "%s%d.%02d %s", sign, abs / 100, abs % 100, currency == null ? "" : currency).strip();
    }

    /** "12.5", "12,50", "12" → minor units; null when it is not an amount. */
    public static Long parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip().replace(',', '.');
        if (!t.matches("\\d{1,9}(\\.\\d{0,2})?")) {
            return null;
        }
        String[] parts = t.split("\\.", -1);
        long whole = Long.parseLong(parts[0]);
        long cents = parts.length > 1 && !parts[1].isEmpty() ? Long.parseLong((parts[1] + "0").substring(0, 2)) : 0;
        return whole * 100 + cents;
    }
}
