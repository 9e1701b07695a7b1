package org.thicket.bramble.lifecycle.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import jakarta.inject.Qualifier;

/**
 * Qualifies the multibound {@code Set<ExecutorService>} whose executors {@link LifecycleManager#stopServices} shuts
 * down, e.g. {@code Multibinder.newSetBinder(binder(), ExecutorService.class, ShutdownOnStop.class).addBinding()
 * .to(Key.get(ExecutorService.class, DatabaseExecutor.class))}.
 */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface ShutdownOnStop {
}
