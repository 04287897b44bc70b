package dev.parley.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HashingTest {

    // Reference values: first 64 bits of MurmurHash3 x64_128, seed 0, over UTF-8 (as computed by Guava's
    // murmur3_128().hashString(s, UTF_8).asLong()).
    @Test
    void matchesPublishedMurmur3Reference() {
        assertThat(Hashing.hash64("")).isEqualTo(0L);
        assertThat(Hashing.hash64("hello")).isEqualTo(-3758069500696749310L);
        assertThat(Hashing.hash64("The quick brown fox jumps over the lazy dog")).isEqualTo(-2068352364225029268L);
        assertThat(Hashing.hash64("señaló la Oficina de Asuntos")).isEqualTo(4970661608784511586L);
    }
}
