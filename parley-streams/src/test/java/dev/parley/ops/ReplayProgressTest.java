package dev.parley.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReplayProgressTest {

    private static final long S = 1_000_000_000L;

    @Test
    void rateAndEtaComeFromItemsAndTheShareOfBytesRead() {
        ReplayProgress p = new ReplayProgress(1000, 0);
        assertThat(p.eta(5 * S)).isNull();
        for (int i = 0; i < 90; i++) {
            p.accepted();
        }
        for (int i = 0; i < 10; i++) {
            p.rejected();
        }
        p.fileDone(250);
        assertThat(p.rate(10 * S)).isEqualTo(10.0);
        assertThat(p.eta(10 * S)).isEqualTo(Duration.ofSeconds(30));
        assertThat(p.line(10 * S)).isEqualTo("replay:  25% 90 accepted, 10 rejected, 10 articles/s, ETA 0:30");
        assertThat(p.bar(10 * S)).startsWith("[########......................]  25%");
        p.fileDone(10_000);
        assertThat(p.fraction()).isEqualTo(1.0);
        assertThat(p.eta(20 * S)).isEqualTo(Duration.ZERO);
    }

    @Test
    void anEmptyArchiveIsDoneAtOnce() {
        ReplayProgress p = new ReplayProgress(0, 0);
        assertThat(p.fraction()).isEqualTo(1.0);
        assertThat(p.rate(0)).isZero();
        assertThat(ReplayProgress.clock(Duration.ofSeconds(3725))).isEqualTo("1:02:05");
    }

    @Test
    void livePacingWaitsForPublicationTimeDividedBySpeed() {
        LivePacer pacer = new LivePacer(3600);
        Instant t0 = Instant.parse("2026-01-11T00:00:00Z");
        assertThat(pacer.delayFor(t0, 100 * S)).isZero();
        // Two hours of coverage later, at 3600x: due 2 s after the first was sent.
        assertThat(pacer.delayFor(t0.plusSeconds(7200), 100 * S)).isEqualTo(Duration.ofSeconds(2));
        assertThat(pacer.delayFor(t0.plusSeconds(7200), 101 * S)).isEqualTo(Duration.ofSeconds(1));
        // Late or same-time articles go at once.
        assertThat(pacer.delayFor(t0.plusSeconds(3600), 105 * S)).isZero();
        assertThatThrownBy(() -> new LivePacer(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LivePacer(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
