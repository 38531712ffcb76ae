package dev.curtain.server.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark rewrites only its own block of docs/benchmarks.md; the scenarios run in .ci/run (quick mode). */
class ServerBenchmarkDocumentTest {

    @TempDir
    Path dir;

    @Test
    void replacesOnlyTheBlockBetweenTheMarkers() throws Exception {
        Path doc = dir.resolve("benchmarks.md");
        Files.writeString(doc, "# Benchmarks\n\n## Desktop\nseat map\n\n## Server\nintro\n\n"
                + ServerBenchmark.START + "\nold figures\n" + ServerBenchmark.END + "\n\n### Spot checks\nkept\n");

        ServerBenchmark.writeSection(doc, ServerBenchmark.START + "\nnew figures\n" + ServerBenchmark.END + "\n");

        String text = Files.readString(doc);
        assertThat(text).contains("## Desktop\nseat map", "intro", "new figures", "### Spot checks\nkept")
                .doesNotContain("old figures");
        assertThat(text.split(java.util.regex.Pattern.quote(ServerBenchmark.START), -1)).hasSize(2);
    }

    @Test
    void addsTheBlockUnderTheServerHeadingWhenTheMarkersAreMissing() throws Exception {
        Path doc = dir.resolve("benchmarks.md");
        Files.writeString(doc, "# Benchmarks\n\n## Server\n\nspot checks\n");

        ServerBenchmark.writeSection(doc, ServerBenchmark.START + "\nfigures\n" + ServerBenchmark.END + "\n");

        String text = Files.readString(doc);
        assertThat(text.indexOf("figures")).isGreaterThan(text.indexOf("## Server"));
        assertThat(text).contains("spot checks");
    }

    @Test
    void theHundredThousandSeatVenueIsValid() {
        var venue = ServerBenchmark.bigVenue();
        assertThat(venue.seats()).hasSize(100_000);
        dev.curtain.server.venue.VenueValidator.validate(venue);
    }
}
