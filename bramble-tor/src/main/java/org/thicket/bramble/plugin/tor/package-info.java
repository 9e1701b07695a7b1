/** Tor onion-service transport plugin (fact sheet §5.1). Planned in issue 5; this module only moves bytes. */
package org.thicket.bramble.plugin.tor;
