package org.thicket.bramble.plugin.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import jakarta.inject.Qualifier;

/**
 * Marks the {@link java.util.concurrent.ScheduledExecutorService} that times polls and other delayed plugin work. Its
 * tasks only hand work to the {@link IoExecutor}, never block, so one thread serves all.
 */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface PluginScheduler {
}
