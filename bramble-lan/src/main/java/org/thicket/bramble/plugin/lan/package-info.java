/** LAN TCP transport plugin (fact sheet §5.2). Planned in issue 4; this module only moves bytes. */
package org.thicket.bramble.plugin.lan;
