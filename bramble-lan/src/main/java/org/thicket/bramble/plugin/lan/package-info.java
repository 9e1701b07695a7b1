/**
 * The LAN TCP transport (fact sheet §5.2, specs/transports/lan.md): it moves bytes between devices on the same
 * local network and serves in-person key agreement. {@link org.thicket.bramble.plugin.lan.LanModule} contributes
 * its factory; {@link org.thicket.bramble.plugin.lan.LanConstants} names its properties and settings.
 */
package org.thicket.bramble.plugin.lan;
