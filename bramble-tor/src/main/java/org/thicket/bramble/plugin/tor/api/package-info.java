/** What the rest of the app sees of the Tor transport: its configuration and its status events. */
package org.thicket.bramble.plugin.tor.api;
