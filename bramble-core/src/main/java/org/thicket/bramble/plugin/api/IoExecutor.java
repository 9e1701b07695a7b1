package org.thicket.bramble.plugin.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import jakarta.inject.Qualifier;

/**
 * Marks the {@link java.util.concurrent.Executor} for blocking network work: starting and stopping plugins, accept
 * loops, connection attempts, polls. It has no thread limit, so one blocked task never holds up another.
 */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface IoExecutor {
}
