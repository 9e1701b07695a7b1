package org.thicket.bramble.plugin.lan;

import java.io.IOException;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.util.ArrayList;
import java.util.List;

/** The interfaces the operating system reports, through {@link NetworkInterface}. */
final class NetworkInterfaceLister implements InterfaceLister {

    @Override
    public List<LocalAddress> listAddresses() throws IOException {
        List<LocalAddress> addresses = new ArrayList<>();
        for (NetworkInterface iface : NetworkInterface.networkInterfaces().toList()) {
            if (!iface.isUp()) continue;
            for (InterfaceAddress a : iface.getInterfaceAddresses()) {
                int prefixLength = a.getNetworkPrefixLength();
                // Some platforms report no prefix (a negative length) for some addresses; they are unusable here.
                if (prefixLength < 0 || prefixLength > a.getAddress().getAddress().length * 8) continue;
                addresses.add(new LocalAddress(a.getAddress(), prefixLength));
            }
        }
        return addresses;
    }
}
