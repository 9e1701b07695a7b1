/**
 * The private-messaging client {@code org.briarproject.briar.messaging} 0.3 (specs/clients/messaging.md): so far
 * its wire format and stateless validation; contact groups, conversation storage and delivery hooks come later.
 */
package org.thicket.messenger.messaging;
