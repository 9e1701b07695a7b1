package org.thicket.bramble.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.util.Modules;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.thicket.bramble.crypto.api.AuthenticatedCipher;
import org.thicket.bramble.crypto.api.CryptoComponent;
import org.thicket.bramble.crypto.api.PasswordEncrypter;
import org.thicket.bramble.crypto.api.ScryptCost;

/** The Guice wiring: singletons everywhere, the chosen SecureRandom, and a test override for the scrypt cost. */
class CryptoModuleTest {

    private final Injector injector = Guice.createInjector(Modules.override(new CryptoModule())
            .with(binder -> binder.bind(ScryptCost.class).toInstance(ScryptCost.fixed(256))));

    @Test
    void everyBindingIsASingleton() {
        for (Class<?> type : new Class<?>[] {CryptoComponent.class, AuthenticatedCipher.class,
                PasswordEncrypter.class, SecureRandom.class}) {
            assertThat(injector.getInstance(type)).as(type.getSimpleName()).isSameAs(injector.getInstance(type));
        }
    }

    @Test
    void productionCostIsTheCalibratedSingletonAndCreatingItDoesNotCalibrate() {
        Injector production = Guice.createInjector(new CryptoModule());
        ScryptCost cost = production.getInstance(ScryptCost.class);
        assertThat(cost).isInstanceOf(CalibratedScryptCost.class).isSameAs(production.getInstance(ScryptCost.class));
    }

    @Test
    void secureRandomReadsTheKernelOrFallsBackToDrbg() {
        assertThat(injector.getInstance(SecureRandom.class).getAlgorithm())
                .isIn(CryptoModule.KERNEL_RANDOM, CryptoModule.DRBG);
    }

    @Test
    void wiredPasswordEncrypterUsesTheInjectedCost() throws Exception {
        PasswordEncrypter encrypter = injector.getInstance(PasswordEncrypter.class);
        byte[] password = "pw".getBytes(StandardCharsets.UTF_8);
        byte[] blob = encrypter.encryptWithPassword(new byte[32], password);
        assertThat(blob[PasswordEncrypterImpl.N_OFFSET + 2]).isEqualTo((byte) 1);
        assertThat(encrypter.decryptWithPassword(blob, password)).isEqualTo(new byte[32]);
    }
}
