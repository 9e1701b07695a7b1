/**
 * The headless node, {@code thicket-node}: a command-line program that creates or unlocks the account and runs it
 * until stopped. Its front ends are the local HTTP/WebSocket API on 127.0.0.1 ({@code api}) and the interactive
 * console ({@code console}); what both do with the node's services is in {@code service}.
 */
package org.thicket.messenger.headless;
