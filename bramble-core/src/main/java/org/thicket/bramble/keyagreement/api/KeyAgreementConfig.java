package org.thicket.bramble.keyagreement.api;

/**
 * Tunables of key agreement. The module binds {@link #DEFAULT} as an optional binding; a test shortens the timeout
 * with {@code OptionalBinder.newOptionalBinder(binder, KeyAgreementConfig.class).setBinding().toInstance(...)}.
 *
 * @param timeoutMs how long {@link KeyAgreementTask#connect} may take, from the call to the master key
 */
public record KeyAgreementConfig(long timeoutMs) {

    public static final KeyAgreementConfig DEFAULT = new KeyAgreementConfig(KeyAgreementConstants.DEFAULT_TIMEOUT_MS);

    public KeyAgreementConfig {
        if (timeoutMs <= 0) throw new IllegalArgumentException("The timeout must be positive");
    }
}
