package dev.curtain.model.hold;

/**
 * "Best N": {@code count} adjacent seats in one row, in {@code category} or else the best category
 * with room. Accessible spaces are offered only when {@code accessible} is true, and then only
 * they. {@code allowSingleGaps} lets a clerk accept a block that strands a single empty seat.
 */
public record BestRequest(int count, String category, Boolean accessible, Boolean allowSingleGaps) {

    public static BestRequest of(int count) {
        return new BestRequest(count, null, null, null);
    }
}
