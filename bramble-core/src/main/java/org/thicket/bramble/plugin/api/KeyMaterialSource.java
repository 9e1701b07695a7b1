package org.thicket.bramble.plugin.api;

/**
 * The shared secret of a rendezvous (BRP), handed out in consecutive pieces: a plugin derives its addresses and keys
 * from the bytes it takes. A first cut: the BRP issue refines it.
 */
public interface KeyMaterialSource {

    /** The next {@code length} bytes; both peers get the same bytes if they ask in the same order. */
    byte[] getKeyMaterial(int length);
}
