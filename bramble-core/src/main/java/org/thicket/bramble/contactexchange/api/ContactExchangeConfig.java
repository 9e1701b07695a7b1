package org.thicket.bramble.contactexchange.api;

/**
 * Tunables of contact exchange. The module binds {@link #DEFAULT} as an optional binding; a test shortens the
 * timeout with {@code OptionalBinder.newOptionalBinder(binder, ContactExchangeConfig.class).setBinding()}.
 *
 * @param timeoutMs how long the peer may take to send its contact info and end its stream, after which the
 *        connection is closed and the exchange fails
 */
public record ContactExchangeConfig(long timeoutMs) {

    public static final ContactExchangeConfig DEFAULT = new ContactExchangeConfig(60_000);

    public ContactExchangeConfig {
        if (timeoutMs <= 0) throw new IllegalArgumentException("The timeout must be positive");
    }
}
