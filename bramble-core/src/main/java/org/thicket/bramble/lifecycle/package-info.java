/**
 * The lifecycle: open the database, run the open-database hooks, start the services; later stop them in reverse,
 * shut down the executors and close the database.
 * <p>
 * Contributions are declared, not performed: a concern's Guice module adds its {@code Service},
 * {@code OpenDatabaseHook} or {@code @ShutdownOnStop ExecutorService} with
 * {@code Multibinder.newSetBinder(binder(), Service.class).addBinding().to(FooService.class)}, and
 * {@code LifecycleModule} declares the sets. We chose this over registering from {@code @Provides} methods (the
 * Briar way) because such side effects happen only if something happens to inject the provider, and in whatever order
 * injection happens, which forces "eager singleton" boilerplate to make them happen at all. A multibinding is a
 * plain binding: Guice checks it when the injector is built, nothing runs until the lifecycle asks for the set, its
 * order is the order in which the modules bind (so the start order is visible in the module list), and a module can
 * be tested by building an injector and inspecting the set. The manager reads the sets through providers when it
 * first starts or stops, so a contributed service may itself depend on the manager. The imperative
 * {@code register...} methods remain for objects created at run time, outside the injector; they are appended after
 * the multibound contributions and are refused once the lifecycle has begun.
 */
package org.thicket.bramble.lifecycle;
