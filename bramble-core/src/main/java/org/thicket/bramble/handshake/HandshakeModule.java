package org.thicket.bramble.handshake;

import com.google.inject.AbstractModule;
import jakarta.inject.Singleton;
import org.thicket.bramble.handshake.api.HandshakeCrypto;
import org.thicket.bramble.handshake.api.HandshakeManager;

/** Binds BHP: its derivations and the handshake runner. */
public final class HandshakeModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(HandshakeCrypto.class).to(HandshakeCryptoImpl.class).in(Singleton.class);
        bind(HandshakeManager.class).to(HandshakeManagerImpl.class).in(Singleton.class);
    }
}
