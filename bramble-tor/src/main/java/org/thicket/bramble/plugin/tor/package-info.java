/**
 * The Tor transport (fact sheet §5.1, specs/transports/tor.md): a tor process we launch and drive over its control
 * port with jtorctl, our v3 onion service for incoming connections, SOCKS5 for outgoing ones. It only moves bytes.
 */
package org.thicket.bramble.plugin.tor;
