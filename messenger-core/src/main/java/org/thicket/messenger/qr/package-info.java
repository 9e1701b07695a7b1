/**
 * QR codes for the desktop app and the headless node: a payload's bytes rendered as an image or as text for a
 * terminal, and read back from an image file or from pasted text. The payload's meaning (BQP, mailbox) is left to
 * the caller; this package only moves bytes in and out of QR byte mode, the way Briar does: each byte is one
 * ISO-8859-1 character, without an ECI header.
 */
package org.thicket.messenger.qr;
