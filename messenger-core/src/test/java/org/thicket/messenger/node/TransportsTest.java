package org.thicket.messenger.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.thicket.bramble.plugin.api.DuplexPluginFactory;
import org.thicket.bramble.plugin.api.TransportId;
import org.thicket.bramble.plugin.api.TransportIds;
import org.thicket.messenger.MessengerCoreModule;

/** Which plugin factories each choice gives the plugin manager; nothing is started. */
class TransportsTest {

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @EnumSource(Transports.class)
    void eachChoiceContributesItsTransports(Transports transports) {
        Set<DuplexPluginFactory> factories = Guice.createInjector(new MessengerCoreModule(dataDir), transports.module())
                .getInstance(Key.get(new TypeLiteral<Set<DuplexPluginFactory>>() { }));

        Set<TransportId> expected = switch (transports) {
            case NONE -> Set.of();
            case LOOPBACK -> Set.of(TransportIds.LAN);
            case REAL -> Set.of(TransportIds.LAN, TransportIds.TOR);
            case TOR -> Set.of(TransportIds.TOR);
        };
        assertThat(factories).extracting(DuplexPluginFactory::getId).containsExactlyInAnyOrderElementsOf(expected);
    }
}
