/** Command-line node with a local HTTP/WebSocket API on 127.0.0.1 (issue 4). */
package org.thicket.messenger.headless;
