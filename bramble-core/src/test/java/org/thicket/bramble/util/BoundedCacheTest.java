package org.thicket.bramble.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BoundedCacheTest {

    @Test
    void keepsAtMostItsCapacityAndForgetsTheLeastRecentlyUsed() {
        BoundedCache<String, Integer> cache = new BoundedCache<>(2);
        cache.put("a", 1);
        cache.put("b", 2);
        assertThat(cache.get("a")).isEqualTo(1); // "b" is now the least recently used
        cache.put("c", 3);

        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.get("b")).isNull();
        assertThat(cache.get("a")).isEqualTo(1);
        assertThat(cache.get("c")).isEqualTo(3);
    }

    @Test
    void refusesToHoldNothing() {
        assertThatThrownBy(() -> new BoundedCache<String, String>(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
