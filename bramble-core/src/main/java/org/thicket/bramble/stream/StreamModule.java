package org.thicket.bramble.stream;

import com.google.inject.AbstractModule;
import jakarta.inject.Singleton;
import org.thicket.bramble.stream.api.FramePadding;
import org.thicket.bramble.stream.api.StreamReaderFactory;
import org.thicket.bramble.stream.api.StreamWriterFactory;
import org.thicket.bramble.stream.api.TagEncoder;

/**
 * Binds BTP streams. Frame padding defaults to {@link #DEFAULT_PADDING} (specs/btp.md, "Padding"); an app
 * changes it by overriding the {@link FramePadding} binding, e.g.
 * {@code Modules.override(core).with(b -> b.bind(FramePadding.class).toInstance(FramePadding.NONE))}.
 */
public final class StreamModule extends AbstractModule {

    public static final FramePadding DEFAULT_PADDING = FramePadding.POWER_OF_TWO;

    @Override
    protected void configure() {
        bind(FramePadding.class).toInstance(DEFAULT_PADDING);
        bind(TagEncoder.class).to(TagEncoderImpl.class).in(Singleton.class);
        bind(StreamWriterFactory.class).to(StreamWriterFactoryImpl.class).in(Singleton.class);
        bind(StreamReaderFactory.class).to(StreamReaderFactoryImpl.class).in(Singleton.class);
    }
}
