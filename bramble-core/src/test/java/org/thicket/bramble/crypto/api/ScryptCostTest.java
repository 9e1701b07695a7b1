package org.thicket.bramble.crypto.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScryptCostTest {

    @Test
    void validCostsArePowersOfTwoFromTwoToTwoToTheTwenty() {
        assertThat(ScryptCost.isValid(2)).isTrue();
        assertThat(ScryptCost.isValid(1024)).isTrue();
        assertThat(ScryptCost.isValid(1 << 20)).isTrue();
        for (long n : new long[] {-2, 0, 1, 3, 1000, 1 << 21, 0xFFFFFFFFL, 1L << 32}) {
            assertThat(ScryptCost.isValid(n)).as("N = " + n).isFalse();
        }
    }

    @Test
    void fixedCostIsValidated() {
        assertThat(ScryptCost.fixed(1024).n()).isEqualTo(1024);
        assertThatThrownBy(() -> ScryptCost.fixed(1000)).isInstanceOf(IllegalArgumentException.class);
    }
}
