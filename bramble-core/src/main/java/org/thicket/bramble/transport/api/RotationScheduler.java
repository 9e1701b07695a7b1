package org.thicket.bramble.transport.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import jakarta.inject.Qualifier;

/**
 * Marks the {@link java.util.concurrent.ScheduledExecutorService} that rotates transport keys at period boundaries.
 * Its tasks open database transactions, so it must not be the event executor.
 */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface RotationScheduler {
}
