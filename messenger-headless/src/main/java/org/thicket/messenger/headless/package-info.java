/**
 * The headless node, {@code thicket-node}: a command-line program that creates or unlocks the account and runs it
 * until stopped. The local HTTP/WebSocket API on 127.0.0.1 comes later (issue 4), as more options and services.
 */
package org.thicket.messenger.headless;
