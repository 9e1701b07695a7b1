package org.thicket.bramble.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.thicket.bramble.connection.api.TransportPreference;
import org.thicket.bramble.plugin.api.TransportIds;
import org.thicket.bramble.sync.api.Priority;

class PriorityTest {

    @Test
    void isSixteenBytesCopiedInAndOut() {
        byte[] nonce = new byte[16];
        Priority priority = new Priority(nonce);
        nonce[0] = 1;
        priority.getNonce()[1] = 1;
        assertThat(priority).isEqualTo(new Priority(new byte[16])).hasSameHashCodeAs(new Priority(new byte[16]));
        assertThatThrownBy(() -> new Priority(new byte[15])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Priority(new byte[32])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ordersNoncesAsUnsignedNumbers() {
        byte[] high = new byte[16];
        high[0] = (byte) 0x80;
        byte[] low = new byte[16];
        low[0] = 0x7F;
        assertThat(new Priority(high)).isGreaterThan(new Priority(low));
    }

    @Test
    void aTransportIsNotPreferredOverItself() {
        assertThatThrownBy(() -> new TransportPreference(TransportIds.LAN, TransportIds.LAN))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
