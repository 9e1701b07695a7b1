package org.thicket.bramble.validation.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import jakarta.inject.Qualifier;

/**
 * Marks the {@link java.util.concurrent.ExecutorService} that validates and delivers received messages, off the
 * event thread. The validation service owns it: it shuts it down when the service stops.
 */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface ValidationExecutor {
}
