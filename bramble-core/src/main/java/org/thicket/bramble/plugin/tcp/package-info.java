/** What the transport plugins that end in TCP sockets share. */
package org.thicket.bramble.plugin.tcp;
