package org.thicket.bramble.plugin.lan;

import java.util.List;

/** Interfaces a test chooses and changes; loopback addresses only, so tests stay on 127.0.0.0/8 and ::1. */
final class FixedInterfaces implements InterfaceLister {

    static final LocalAddress LOOPBACK_4 = address(new byte[] {127, 0, 0, 1}, 8);
    static final LocalAddress LOOPBACK_4_B = address(new byte[] {127, 0, 0, 2}, 8);
    static final LocalAddress LOOPBACK_6 = address(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}, 128);

    private volatile List<LocalAddress> addresses;

    FixedInterfaces(LocalAddress... addresses) {
        this.addresses = List.of(addresses);
    }

    void set(LocalAddress... newAddresses) {
        addresses = List.of(newAddresses);
    }

    @Override
    public List<LocalAddress> listAddresses() {
        return addresses;
    }

    static LocalAddress address(byte[] bytes, int prefixLength) {
        return new LocalAddress(LanAddresses.byAddress(bytes), prefixLength);
    }
}
