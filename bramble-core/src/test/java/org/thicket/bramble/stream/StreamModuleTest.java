package org.thicket.bramble.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.thicket.bramble.stream.StreamTesting.readAll;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.util.Modules;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thicket.bramble.BrambleCoreModule;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.crypto.CryptoModule;
import org.thicket.bramble.plugin.api.TransportId;
import org.thicket.bramble.stream.StreamTesting.ReadResult;
import org.thicket.bramble.stream.api.FramePadding;
import org.thicket.bramble.stream.api.StreamConstants;
import org.thicket.bramble.stream.api.StreamContext;
import org.thicket.bramble.stream.api.StreamReaderFactory;
import org.thicket.bramble.stream.api.StreamWriter;
import org.thicket.bramble.stream.api.StreamWriterFactory;
import org.thicket.bramble.stream.api.TagEncoder;
import org.thicket.bramble.util.FormatException;

/** The wiring, and the factories as the connection layer will use them: tag first, then the reader after it. */
class StreamModuleTest {

    private static final StreamContext CONTEXT = new StreamContext(new ContactId(1), null,
            new TransportId("org.briarproject.bramble.lan"), StreamTesting.TAG_KEY, StreamTesting.HEADER_KEY,
            0xFFFFFFFFL, false);
    private static final byte[] PAYLOAD = "a record or two".getBytes(StandardCharsets.UTF_8);

    private final Injector injector = Guice.createInjector(new CryptoModule(), new StreamModule());

    @Test
    void bindsSingletonsAndPadsByDefault() {
        for (Class<?> type : List.of(TagEncoder.class, StreamWriterFactory.class, StreamReaderFactory.class)) {
            assertThat(injector.getInstance(type)).as(type.getSimpleName()).isSameAs(injector.getInstance(type));
        }
        assertThat(injector.getInstance(FramePadding.class)).isEqualTo(StreamModule.DEFAULT_PADDING);
    }

    @Test
    void theCoreModuleInstallsIt(@TempDir Path dataDirectory) {
        Injector core = Guice.createInjector(new BrambleCoreModule(dataDirectory));
        assertThat(core.getInstance(StreamWriterFactory.class)).isInstanceOf(StreamWriterFactoryImpl.class);
        assertThat(core.getInstance(StreamReaderFactory.class)).isInstanceOf(StreamReaderFactoryImpl.class);
        assertThat(core.getInstance(TagEncoder.class)).isInstanceOf(TagEncoderImpl.class);
    }

    @Test
    void aStreamStartsWithItsTagAndReadsBackAfterIt() throws IOException {
        byte[] stream = write(injector, CONTEXT);
        byte[] tag = injector.getInstance(TagEncoder.class).encodeTag(StreamTesting.TAG_KEY,
                StreamConstants.PROTOCOL_VERSION, CONTEXT.streamNumber());
        assertThat(stream).startsWith(tag);

        InputStream in = new ByteArrayInputStream(stream);
        assertThat(in.readNBytes(TagEncoder.TAG_LENGTH)).isEqualTo(tag);
        ReadResult result = readAll(injector.getInstance(StreamReaderFactory.class).createStreamReader(in, CONTEXT), 64);
        assertThat(result.failure()).isNull();
        assertThat(result.plaintext()).isEqualTo(PAYLOAD);
    }

    @Test
    void everyStreamHasAFreshNonceAndFrameKey() throws IOException {
        byte[] first = write(injector, CONTEXT);
        byte[] second = write(injector, CONTEXT);
        assertThat(Arrays.copyOf(first, TagEncoder.TAG_LENGTH)).isEqualTo(Arrays.copyOf(second, TagEncoder.TAG_LENGTH));
        assertThat(Arrays.copyOfRange(first, TagEncoder.TAG_LENGTH, first.length))
                .isNotEqualTo(Arrays.copyOfRange(second, TagEncoder.TAG_LENGTH, second.length));
    }

    @Test
    void contactExchangeStreamsHaveNoTagAndStreamNumberZero() throws IOException {
        StreamWriterFactory writers = injector.getInstance(StreamWriterFactory.class);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StreamWriter writer = writers.createContactExchangeStreamWriter(out, StreamTesting.HEADER_KEY);
        writer.getOutputStream().write(PAYLOAD);
        writer.sendEndOfStream();
        byte[] stream = out.toByteArray();

        StreamReaderFactory readers = injector.getInstance(StreamReaderFactory.class);
        ReadResult result = readAll(readers.createContactExchangeStreamReader(
                new ByteArrayInputStream(stream), StreamTesting.HEADER_KEY), 64);
        assertThat(result.failure()).isNull();
        assertThat(result.plaintext()).isEqualTo(PAYLOAD);

        // A tagged reader of stream 0 with the same header key would accept it too: only the missing tag differs.
        StreamContext streamZero = new StreamContext(null, null, CONTEXT.transportId(), StreamTesting.TAG_KEY,
                StreamTesting.HEADER_KEY, 0, false);
        assertThat(readAll(readers.createStreamReader(new ByteArrayInputStream(stream), streamZero), 64).plaintext())
                .isEqualTo(PAYLOAD);
        assertThatThrownBy(() -> readers.createStreamReader(new ByteArrayInputStream(stream), CONTEXT).read())
                .isInstanceOf(FormatException.class).hasMessageContaining("stream number 0");
    }

    @Test
    void thePaddingBindingCanBeOverridden() throws IOException {
        Injector unpadded = Guice.createInjector(Modules.override(new CryptoModule(), new StreamModule())
                .with(b -> b.bind(FramePadding.class).toInstance(FramePadding.NONE)));
        int overhead = TagEncoder.TAG_LENGTH + StreamConstants.STREAM_HEADER_LENGTH + 2 * 36;
        assertThat(write(unpadded, CONTEXT)).hasSize(overhead + PAYLOAD.length);
        assertThat(write(injector, CONTEXT)).hasSize(TagEncoder.TAG_LENGTH + StreamConstants.STREAM_HEADER_LENGTH
                + 2 * 64);
    }

    /** PAYLOAD, flushed, then an empty final frame. */
    private static byte[] write(Injector injector, StreamContext context) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StreamWriter writer = injector.getInstance(StreamWriterFactory.class).createStreamWriter(out, context);
        writer.getOutputStream().write(PAYLOAD);
        writer.getOutputStream().flush();
        writer.sendEndOfStream();
        return out.toByteArray();
    }
}
