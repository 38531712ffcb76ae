package dev.curtain.model.report;

import java.util.Map;

/**
 * Takings of one clerk or one performance in one currency: sales and refunds by payment method
 * (refunds negative), comps and exchanges counted.
 */
public record ReportLine(
        String key,
        String label,
        String currency,
        Map<String, Long> salesByMethod,
        long salesMinor,
        Map<String, Long> refundsByMethod,
        long refundsMinor,
        long netMinor,
        int comps,
        int exchanges) {
}
