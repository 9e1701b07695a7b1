/** Bluetooth RFCOMM transport plugin over JSR-82 (BlueCove). Planned after the LAN and Tor transports. */
package org.thicket.bramble.plugin.bluetooth;
