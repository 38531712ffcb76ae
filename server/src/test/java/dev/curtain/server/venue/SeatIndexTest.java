package dev.curtain.server.venue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.curtain.model.venue.Venue;
import dev.curtain.server.demo.DemoVenues;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SeatIndexTest {

    @Test
    void segmentsAreEncodedAsTheBestAvailableScriptReadsThemAndOnlyOncePerVenue() {
        for (Venue venue : DemoVenues.all()) {
            SeatIndex index = SeatIndex.of(venue);
            assertEquals(index.segments().size(), index.encodedSegments().size(), venue.id());
            for (int i = 0; i < index.segments().size(); i++) {
                assertEquals(formattedLikeBefore(index.segments().get(i)), index.encodedSegments().get(i), venue.id());
            }
            assertSame(index.encodedSegments(), index.encodedSegments(), "made once");
        }
    }

    @Test
    void centresAreWrittenAsStringFormatWritesThemWithTwoDecimals() {
        SplittableRandom random = new SplittableRandom(7);
        double[] edges = {0, 0.005, 0.015, 0.125, 1.005, 2.675, 9.995, 99.995, 0.1 + 0.2, 12_345.675, 1e7 + 0.005};
        for (double v : edges) {
            assertEquals(String.format(Locale.ROOT, "%.2f", v), SeatIndex.Segment.format(v), Double.toString(v));
        }
        for (int i = 0; i < 200_000; i++) {
            double v = i % 2 == 0 ? random.nextDouble(0, 20_000) : random.nextInt(0, 2_000_000) / 1000.0;
            assertEquals(String.format(Locale.ROOT, "%.2f", v), SeatIndex.Segment.format(v), Double.toString(v));
        }
    }

    /** The encoding as it was written with {@code String.format}, which the script has always read. */
    private static String formattedLikeBefore(SeatIndex.Segment segment) {
        StringBuilder ids = new StringBuilder();
        StringBuilder xs = new StringBuilder();
        StringBuilder ys = new StringBuilder();
        StringBuilder flags = new StringBuilder();
        segment.seats().forEach(s -> {
            String separator = ids.length() > 0 ? "," : "";
            ids.append(separator).append(s.id());
            xs.append(separator).append(String.format(Locale.ROOT, "%.2f", s.centerX()));
            ys.append(separator).append(String.format(Locale.ROOT, "%.2f", s.centerY()));
            flags.append(s.accessible() ? 'a' : 'n');
        });
        return ids + "|" + xs + "|" + ys + "|" + flags;
    }
}
