package org.thicket.messenger.qr.api;

/**
 * The background colour of the terminal a QR code is printed on. Scanners want dark modules on a light ground, so
 * on a dark terminal the block characters draw the light modules and the quiet zone, and the background shows
 * through as the dark modules; on a light terminal it is the other way round.
 */
public enum TerminalBackground {
    DARK,
    LIGHT
}
