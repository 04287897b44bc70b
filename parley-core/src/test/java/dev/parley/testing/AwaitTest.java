package dev.parley.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AwaitTest {

    @Test
    void returnsTheFirstAnswerThatSatisfiesTheCondition() {
        AtomicInteger calls = new AtomicInteger();
        int answer = Await.until("the third call", Duration.ofSeconds(5), Duration.ofMillis(1),
                calls::incrementAndGet, n -> n >= 3);
        assertThat(answer).isEqualTo(3);
        assertThat(calls).hasValue(3);
    }

    @Test
    void aThrowingProbeIsNotYetAndTheLastErrorIsTheCauseOnTimeout() {
        AtomicInteger calls = new AtomicInteger();
        Await.until("the probe to stop failing", Duration.ofSeconds(5), () -> {
            if (calls.incrementAndGet() < 3) {
                throw new IOException("connection refused");
            }
            return true;
        });
        assertThat(calls).hasValue(3);

        assertThatThrownBy(() -> Await.until("a server", Duration.ofMillis(50), () -> {
            throw new IOException("connection refused");
        })).isInstanceOf(AssertionError.class)
                .hasMessageContaining("awaiting a server")
                .hasMessageContaining("connection refused")
                .hasCauseInstanceOf(IOException.class);
    }

    @Test
    void timesOutWithTheLastAnswerSeen() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> Await.until("seven", Duration.ofMillis(200), () -> 6, n -> n == 7))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("awaiting seven").hasMessageContaining("last seen: 6");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }
}
