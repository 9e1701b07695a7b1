package org.thicket.bramble.keyagreement;

import jakarta.inject.Inject;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import org.thicket.bramble.crypto.api.CryptoComponent;
import org.thicket.bramble.event.api.EventBus;
import org.thicket.bramble.keyagreement.api.KeyAgreementConfig;
import org.thicket.bramble.keyagreement.api.KeyAgreementTask;
import org.thicket.bramble.keyagreement.api.KeyAgreementTaskFactory;
import org.thicket.bramble.keyagreement.api.PayloadCodec;
import org.thicket.bramble.plugin.api.IoExecutor;
import org.thicket.bramble.plugin.api.PluginManager;
import org.thicket.bramble.plugin.api.PluginScheduler;
import org.thicket.bramble.record.api.RecordReaderFactory;
import org.thicket.bramble.record.api.RecordWriterFactory;

/** Tasks share the stateless parts; each has its own connector. The timeout runs on the plugin scheduler. */
final class KeyAgreementTaskFactoryImpl implements KeyAgreementTaskFactory {

    private final KeyAgreementTaskImpl.Dependencies deps;
    private final PluginManager pluginManager;
    private final Executor ioExecutor;

    @Inject
    KeyAgreementTaskFactoryImpl(KeyAgreementCrypto crypto, CryptoComponent cryptoComponent,
            PayloadCodec payloadCodec, RecordReaderFactory recordReaderFactory,
            RecordWriterFactory recordWriterFactory, EventBus eventBus,
            @PluginScheduler ScheduledExecutorService scheduler, KeyAgreementConfig config,
            PluginManager pluginManager, @IoExecutor Executor ioExecutor) {
        this.deps = new KeyAgreementTaskImpl.Dependencies(crypto, cryptoComponent, payloadCodec, recordReaderFactory,
                recordWriterFactory, eventBus, scheduler, config);
        this.pluginManager = pluginManager;
        this.ioExecutor = ioExecutor;
    }

    @Override
    public KeyAgreementTask createTask() {
        return new KeyAgreementTaskImpl(deps, new KeyAgreementConnector(pluginManager, ioExecutor));
    }
}
