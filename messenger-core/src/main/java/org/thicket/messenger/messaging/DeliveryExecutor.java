package org.thicket.messenger.messaging;

import jakarta.inject.Qualifier;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the {@link java.util.concurrent.ExecutorService} on which {@link DeliveryTracker} records acks, off the
 * event thread. The tracker owns it: it shuts it down when the service stops.
 */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
@interface DeliveryExecutor {
}
