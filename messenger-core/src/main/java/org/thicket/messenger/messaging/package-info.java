/**
 * The private-messaging client {@code org.briarproject.briar.messaging} 0.3 (specs/clients/messaging.md): its wire
 * format and stateless validation, the contact group per contact, conversations with read and delivered states, and
 * the hooks through which contacts, client versioning, validation and sync drive it.
 */
package org.thicket.messenger.messaging;
