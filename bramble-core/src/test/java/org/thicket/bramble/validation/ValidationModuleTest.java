package org.thicket.bramble.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thicket.bramble.BrambleCoreModule;
import org.thicket.bramble.client.api.ClientHelper;
import org.thicket.bramble.client.api.ContactGroupFactory;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.crypto.api.SecretKey;
import org.thicket.bramble.data.DataModule;
import org.thicket.bramble.data.api.BdfCodec;
import org.thicket.bramble.db.api.DatabaseComponent;
import org.thicket.bramble.event.api.EventBus;
import org.thicket.bramble.event.api.EventExecutor;
import org.thicket.bramble.identity.api.Identity;
import org.thicket.bramble.identity.api.IdentityManager;
import org.thicket.bramble.lifecycle.api.LifecycleManager;
import org.thicket.bramble.lifecycle.api.StartResult;
import org.thicket.bramble.sync.api.Group;
import org.thicket.bramble.sync.api.Message;
import org.thicket.bramble.sync.api.MessageState;
import org.thicket.bramble.sync.api.Visibility;
import org.thicket.bramble.validation.api.ClientMajorVersion;
import org.thicket.bramble.validation.api.DeliveryAction;
import org.thicket.bramble.validation.api.MessageStateChangedEvent;
import org.thicket.bramble.validation.api.ValidationExecutor;

/** The validation service as the app wires it: the core module, a client's contributions and the lifecycle. */
class ValidationModuleTest {

    @TempDir
    Path dir;

    private Injector injector;

    @AfterEach
    void endEventThread() {
        if (injector != null) {
            ((ExecutorService) injector.getInstance(Key.get(Executor.class, EventExecutor.class))).shutdownNow();
        }
    }

    @Test
    void aContributedClientValidatesMessagesOnTheValidationThreadsWhileTheLifecycleRuns() throws Exception {
        TestClient client = new TestClient(Guice.createInjector(new DataModule()).getInstance(BdfCodec.class));
        injector = Guice.createInjector(new BrambleCoreModule(dir), client.module());
        LifecycleManager lifecycle = injector.getInstance(LifecycleManager.class);
        byte[] key = new byte[SecretKey.LENGTH];
        new SecureRandom().nextBytes(key);
        assertThat(lifecycle.startServices(new SecretKey(key))).isEqualTo(StartResult.SUCCESS);
        try {
            Message m = receiveOneMessage(client);
            assertThat(client.threads()).isNotEmpty().allMatch(name -> name.startsWith("validation-"));
            DatabaseComponent db = injector.getInstance(DatabaseComponent.class);
            MessageState state = db.transactionWithResult(true, txn -> db.getMessageState(txn, m.getId()));
            assertThat(state).isEqualTo(MessageState.DELIVERED);
        } finally {
            lifecycle.stopServices();
        }
        ExecutorService validation = injector.getInstance(Key.get(ExecutorService.class, ValidationExecutor.class));
        assertThat(validation.isTerminated()).isTrue();
    }

    /** Stores a message from a contact and waits, bounded, for the event that says it was delivered. */
    private Message receiveOneMessage(TestClient client) throws Exception {
        DatabaseComponent db = injector.getInstance(DatabaseComponent.class);
        IdentityManager identities = injector.getInstance(IdentityManager.class);
        Identity owner = identities.createIdentity("Owner");
        Identity alice = identities.createIdentity("Alice");
        Group group = injector.getInstance(ContactGroupFactory.class).createContactGroup(TestClient.ID, 0,
                owner.id(), alice.id());
        Message m = injector.getInstance(ClientHelper.class).createMessage(group.getId(), 1_700_000_000_000L,
                TestClient.body("hello"));
        CountDownLatch delivered = new CountDownLatch(1);
        injector.getInstance(EventBus.class).addListener(e -> {
            if (e.equals(new MessageStateChangedEvent(m.getId(), false, MessageState.DELIVERED))) {
                delivered.countDown();
            }
        });
        db.transaction(false, txn -> {
            db.addIdentity(txn, owner);
            ContactId contact = ValidationNode.insertContact(txn, owner, alice.localAuthor().author());
            db.addGroup(txn, group);
            db.setGroupVisibility(txn, contact, group.getId(), Visibility.SHARED);
            db.receiveMessage(txn, contact, m);
        });
        assertThat(delivered.await(ValidationNode.TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(client.offered()).containsExactly(m.getId());
        return m;
    }

    @Test
    void theValidationExecutorLeavesOneCoreForTheRest() {
        injector = Guice.createInjector(new BrambleCoreModule(dir));
        ExecutorService executor = injector.getInstance(Key.get(ExecutorService.class, ValidationExecutor.class));
        int expected = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        assertThat(executor).isInstanceOfSatisfying(ThreadPoolExecutor.class, pool -> {
            assertThat(pool.getCorePoolSize()).isEqualTo(expected);
            assertThat(pool.getMaximumPoolSize()).isEqualTo(expected);
        });
        assertThat(injector.getInstance(Key.get(ExecutorService.class, ValidationExecutor.class))).isSameAs(executor);
        executor.shutdown();
    }

    @Test
    void twoValidatorsForOneClientAreRefusedWhenTheInjectorIsBuilt() {
        ClientMajorVersion key = new ClientMajorVersion(TestClient.ID, 0);
        AbstractModule twice = new AbstractModule() {
            @Override
            protected void configure() {
                ValidationModule.validators(binder()).addBinding(key).toInstance((m, g) -> {
                    throw new AssertionError("never called");
                });
                ValidationModule.validators(binder()).addBinding(key).toInstance((m, g) -> {
                    throw new AssertionError("never called");
                });
                ValidationModule.hooks(binder()).addBinding(key).toInstance((txn, m, meta) -> DeliveryAction.DEFER);
            }
        };
        assertThatThrownBy(() -> Guice.createInjector(twice)).isInstanceOf(CreationException.class)
                .hasMessageContaining("Duplicate key").hasMessageContaining(TestClient.ID.value());
    }
}
