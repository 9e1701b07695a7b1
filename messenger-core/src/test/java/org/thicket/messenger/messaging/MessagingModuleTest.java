package org.thicket.messenger.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import org.junit.jupiter.api.Test;
import org.thicket.bramble.data.DataModule;
import org.thicket.bramble.system.api.Clock;
import org.thicket.bramble.test.SettableClock;
import org.thicket.bramble.util.FormatException;
import org.thicket.messenger.messaging.api.PrivateMessage;
import org.thicket.messenger.messaging.api.PrivateMessageFactory;
import org.thicket.messenger.messaging.api.PrivateMessageValidator;

class MessagingModuleTest {

    @Test
    void bindsAFactoryAndAValidatorThatAgree() throws FormatException {
        SettableClock clock = new SettableClock();
        Injector injector = Guice.createInjector(new DataModule(), new MessagingModule(),
                binder -> binder.bind(Clock.class).toInstance(clock));
        PrivateMessageFactory factory = injector.getInstance(PrivateMessageFactory.class);
        PrivateMessageValidator validator = injector.getInstance(PrivateMessageValidator.class);

        byte[] body = factory.createPrivateMessageBody(PrivateMessage.ofText("hello"));

        assertThat(validator.validate(clock.currentTimeMillis(), body).body())
                .isEqualTo(PrivateMessage.ofText("hello"));
    }
}
