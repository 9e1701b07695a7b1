package org.thicket.bramble.plugin.lan;

import java.io.IOException;
import java.util.List;

/** Lists the addresses of this device's network interfaces that are up; injectable so tests choose them. */
interface InterfaceLister {

    List<LocalAddress> listAddresses() throws IOException;
}
