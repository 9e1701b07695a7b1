package org.thicket.bramble.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thicket.bramble.BrambleCoreModule;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.sync.api.GroupFactory;
import org.thicket.bramble.sync.api.MessageFactory;
import org.thicket.bramble.sync.api.MessageId;
import org.thicket.bramble.sync.api.MessagesSentEvent;
import org.thicket.bramble.sync.api.Metadata;
import org.thicket.bramble.sync.api.SyncRecordReaderFactory;
import org.thicket.bramble.sync.api.SyncRecordWriterFactory;

class SyncValueTypesTest {

    @TempDir
    Path dir;

    @Test
    void metadataIsImmutableAndComparedByContent() {
        byte[] value = {1, 2};
        Map<String, byte[]> map = new HashMap<>(Map.of("k", value));
        Metadata m = new Metadata(map);
        value[0] = 9;
        map.put("other", new byte[] {3});
        m.get("k")[1] = 9;
        m.toMap().get("k")[0] = 9;
        assertThat(m.get("k")).containsExactly(1, 2);
        assertThat(m.keys()).containsExactly("k");
        assertThat(m).isEqualTo(Metadata.EMPTY.with("k", new byte[] {1, 2}))
                .hasSameHashCodeAs(Metadata.EMPTY.with("k", new byte[] {1, 2}))
                .isNotEqualTo(Metadata.EMPTY.with("k", new byte[] {1, 3}))
                .isNotEqualTo(Metadata.EMPTY);
        assertThat(m.get("absent")).isNull();
        assertThat(m.toString()).doesNotContain("1, 2").contains("k");
    }

    @Test
    void metadataRemovalIsAnEmptyValueAndQueriesMatchSubsets() {
        Metadata m = Metadata.EMPTY.with("a", new byte[] {1}).with("b", new byte[] {2});
        assertThat(m.withRemoved("a").get("a")).isEmpty();
        assertThat(m.includes(Metadata.EMPTY)).isTrue();
        assertThat(m.includes(Metadata.EMPTY.with("b", new byte[] {2}))).isTrue();
        assertThat(m.includes(Metadata.EMPTY.with("b", new byte[] {3}))).isFalse();
        assertThat(m.includes(Metadata.EMPTY.with("c", new byte[] {2}))).isFalse();
        assertThat(Metadata.EMPTY.isEmpty()).isTrue();
        Map<String, byte[]> withNull = new HashMap<>();
        withNull.put("k", null);
        assertThatThrownBy(() -> new Metadata(withNull)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void eventsCopyTheirLists() {
        List<MessageId> ids = new ArrayList<>(List.of(new MessageId(new byte[32])));
        MessagesSentEvent event = new MessagesSentEvent(new ContactId(1), ids);
        ids.clear();
        assertThat(event.messageIds()).hasSize(1);
    }

    @Test
    void theCoreModuleBindsTheSyncFactories() {
        Injector injector = Guice.createInjector(new BrambleCoreModule(dir));
        assertThat(injector.getInstance(GroupFactory.class)).isInstanceOf(GroupFactoryImpl.class);
        assertThat(injector.getInstance(MessageFactory.class)).isInstanceOf(MessageFactoryImpl.class);
        assertThat(injector.getInstance(SyncRecordReaderFactory.class)).isNotNull();
        assertThat(injector.getInstance(SyncRecordWriterFactory.class)).isNotNull();
    }
}
