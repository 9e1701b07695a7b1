package org.thicket.bramble.keyagreement;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.OptionalBinder;
import jakarta.inject.Singleton;
import org.thicket.bramble.keyagreement.api.KeyAgreementConfig;
import org.thicket.bramble.keyagreement.api.KeyAgreementTaskFactory;
import org.thicket.bramble.keyagreement.api.PayloadCodec;

/**
 * Binds in-person key agreement (BQP): the QR payload codec and the task factory. The config is an optional binding
 * with {@link KeyAgreementConfig#DEFAULT} as default, so a test can shorten the timeout.
 */
public final class KeyAgreementModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(KeyAgreementCrypto.class).in(Singleton.class);
        bind(PayloadCodec.class).to(PayloadCodecImpl.class).in(Singleton.class);
        bind(KeyAgreementTaskFactory.class).to(KeyAgreementTaskFactoryImpl.class).in(Singleton.class);
        OptionalBinder.newOptionalBinder(binder(), KeyAgreementConfig.class).setDefault()
                .toInstance(KeyAgreementConfig.DEFAULT);
    }
}
