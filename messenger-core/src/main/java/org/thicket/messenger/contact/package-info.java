/**
 * Adding contacts in person: one session at a time shows our BQP code, takes the peer's scanned code, runs key
 * agreement and then contact exchange, and adds the peer as a verified contact. Front ends (the desktop app, the
 * headless node's API) drive it and follow its status; the QR rendering is {@code org.thicket.messenger.qr}'s.
 */
package org.thicket.messenger.contact;
