/**
 * The node's local API (docs/api.md): HTTP and a WebSocket on 127.0.0.1, every request carrying the bearer token
 * from the data directory. {@link org.thicket.messenger.headless.api.ApiServer} owns the Jetty server; each resource
 * (identity, contacts, messages, transports) is one class that registers its routes, and
 * {@link org.thicket.messenger.headless.api.ApiResources} is the one place that lists them. The event stream turns
 * the node's events into JSON for every open WebSocket.
 */
package org.thicket.messenger.headless.api;
