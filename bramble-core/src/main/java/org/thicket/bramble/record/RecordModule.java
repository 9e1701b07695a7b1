package org.thicket.bramble.record;

import com.google.inject.AbstractModule;
import org.thicket.bramble.record.api.RecordReaderFactory;
import org.thicket.bramble.record.api.RecordWriterFactory;

/** Binds the record layer's factories; both are stateless. */
public final class RecordModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(RecordReaderFactory.class).toInstance(RecordReaderImpl::new);
        bind(RecordWriterFactory.class).toInstance(RecordWriterImpl::new);
    }
}
