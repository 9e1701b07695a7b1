package org.thicket.messenger.qr;

import com.google.inject.AbstractModule;
import org.thicket.messenger.qr.api.QrCodes;

/** Binds {@link QrCodes}; it keeps no state, so one instance serves every caller and thread. */
public final class QrModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(QrCodes.class).toInstance(new QrCodesImpl());
    }
}
