package org.thicket.messenger.messaging.api;

/** The parsed body of a messaging-client message: one of the two message types. */
public sealed interface MessagingBody permits PrivateMessage, Attachment {

    /** {@link MessagingConstants#PRIVATE_MESSAGE} or {@link MessagingConstants#ATTACHMENT}. */
    int messageType();
}
