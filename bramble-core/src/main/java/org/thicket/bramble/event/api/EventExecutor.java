package org.thicket.bramble.event.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import jakarta.inject.Qualifier;

/**
 * Marks the {@link java.util.concurrent.Executor} that delivers events. It must run tasks one at a time in submission
 * order: a desktop UI binds its UI thread here so listeners may touch the UI directly.
 */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface EventExecutor {
}
