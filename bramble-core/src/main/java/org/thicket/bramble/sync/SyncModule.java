package org.thicket.bramble.sync;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import org.thicket.bramble.record.api.RecordReaderFactory;
import org.thicket.bramble.record.api.RecordWriterFactory;
import org.thicket.bramble.sync.api.AckHandler;
import org.thicket.bramble.sync.api.GroupFactory;
import org.thicket.bramble.sync.api.MessageFactory;
import org.thicket.bramble.sync.api.ReceivedMessageHandler;
import org.thicket.bramble.sync.api.SyncRecordReaderFactory;
import org.thicket.bramble.sync.api.SyncRecordWriterFactory;
import org.thicket.bramble.sync.api.SyncSessionFactory;

/**
 * Binds ID derivation, the BSP record reader and writer, and the session factory; all of them are stateless. What
 * takes up received messages is an optional binding, which the validation module sets; the clients told of acks
 * are a set clients add to.
 */
public final class SyncModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(GroupFactory.class).to(GroupFactoryImpl.class);
        bind(MessageFactory.class).to(MessageFactoryImpl.class);
        bind(SyncSessionFactory.class).to(SyncSessionFactoryImpl.class);
        OptionalBinder.newOptionalBinder(binder(), ReceivedMessageHandler.class).setDefault()
                .toInstance(ReceivedMessageHandler.NONE);
        Multibinder.newSetBinder(binder(), AckHandler.class);
    }

    @Provides
    SyncRecordReaderFactory syncRecordReaderFactory(RecordReaderFactory records, MessageFactory messages) {
        return in -> new SyncRecordReaderImpl(records.createRecordReader(in), messages);
    }

    @Provides
    SyncRecordWriterFactory syncRecordWriterFactory(RecordWriterFactory records) {
        return out -> new SyncRecordWriterImpl(records.createRecordWriter(out));
    }
}
