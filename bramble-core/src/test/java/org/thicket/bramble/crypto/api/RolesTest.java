package org.thicket.bramble.crypto.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RolesTest {

    @Test
    void smallerValueInUnsignedOrderIsAlice() {
        byte[] low = {0x01, (byte) 0xFF};
        byte[] high = {0x02, 0x00};
        assertThat(Roles.isAlice(low, high)).isTrue();
        assertThat(Roles.isAlice(high, low)).isFalse();
    }

    @Test
    void bytesCompareUnsignedNotSigned() {
        // Signed comparison would put 0x80 (-128) before 0x7F.
        assertThat(Roles.isAlice(new byte[] {0x7F}, new byte[] {(byte) 0x80})).isTrue();
        assertThat(Roles.isAlice(new byte[] {(byte) 0x80}, new byte[] {0x7F})).isFalse();
    }

    @Test
    void equalOrDifferentlySizedValuesHaveNoRoles() {
        assertThatThrownBy(() -> Roles.isAlice(new byte[] {1, 2}, new byte[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Roles.isAlice(new byte[] {1}, new byte[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
