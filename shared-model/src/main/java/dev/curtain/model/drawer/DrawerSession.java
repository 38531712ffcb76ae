package dev.curtain.model.drawer;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One clerk's cash drawer from opening to closing. {@code expectedMinor} is the float plus cash
 * sales minus cash refunds; once closed, {@code overShortMinor} is counted minus expected
 * (positive: over, negative: short).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DrawerSession(
        long id,
        String clerk,
        String currency,
        long floatMinor,
        Instant openedAt,
        Instant closedAt,
        long cashSalesMinor,
        long cashRefundsMinor,
        int movements,
        long expectedMinor,
        Long countedMinor,
        Long overShortMinor,
        String note) {
}
