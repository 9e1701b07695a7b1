package org.thicket.bramble.crypto;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import jakarta.inject.Singleton;
import java.security.DrbgParameters;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import org.thicket.bramble.crypto.api.AuthenticatedCipher;
import org.thicket.bramble.crypto.api.CryptoComponent;
import org.thicket.bramble.crypto.api.PasswordEncrypter;
import org.thicket.bramble.crypto.api.ScryptCost;

/**
 * Binds the crypto layer, every binding a singleton. Tests that encrypt with a password override
 * {@link ScryptCost} with {@link ScryptCost#fixed} so that nothing but the calibration test calibrates.
 */
public final class CryptoModule extends AbstractModule {

    /** Draws on the kernel's CSPRNG (/dev/urandom on Linux and macOS) and never blocks; see specs/crypto.md. */
    static final String KERNEL_RANDOM = "NativePRNGNonBlocking";
    /** The JDK's NIST SP 800-90A DRBG, seeded from the operating system; used where there is no /dev/urandom. */
    static final String DRBG = "DRBG";

    @Override
    protected void configure() {
        bind(CryptoComponent.class).to(CryptoComponentImpl.class).in(Singleton.class);
        bind(AuthenticatedCipher.class).to(XSalsa20Poly1305Cipher.class).in(Singleton.class);
        bind(PasswordEncrypter.class).to(PasswordEncrypterImpl.class).in(Singleton.class);
        bind(ScryptCost.class).to(CalibratedScryptCost.class).in(Singleton.class);
    }

    @Provides
    @Singleton
    SecureRandom secureRandom() {
        try {
            return SecureRandom.getInstance(KERNEL_RANDOM);
        } catch (NoSuchAlgorithmException e) {
            return drbg();
        }
    }

    private static SecureRandom drbg() {
        try {
            return SecureRandom.getInstance(DRBG,
                    DrbgParameters.instantiation(256, DrbgParameters.Capability.RESEED_ONLY, null));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK has neither " + KERNEL_RANDOM + " nor " + DRBG, e);
        }
    }
}
