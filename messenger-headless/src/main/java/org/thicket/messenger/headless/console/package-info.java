/**
 * The node's interactive console ({@code thicket-node --console}): commands read line by line from standard input,
 * answers on standard output. {@link org.thicket.messenger.headless.console.NodeConsole} reads and dispatches; each
 * group of commands (identity, contacts, messages, adding in person, events) is one class listing its
 * {@link org.thicket.messenger.headless.console.Command}s. The commands call the node's services directly, through
 * the same {@code headless.service} classes as the local API. Everything printed goes through
 * {@link org.thicket.messenger.headless.console.ConsoleOutput}, which keeps a peer's text from sending control
 * characters to the terminal.
 */
package org.thicket.messenger.headless.console;
