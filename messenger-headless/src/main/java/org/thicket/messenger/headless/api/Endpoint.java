package org.thicket.messenger.headless.api;

/**
 * Handles the requests of one route. {@link ApiHandler} turns what it throws into error replies: an
 * {@link ApiException} into its status, a missing contact or message into 404, an IllegalArgumentException from
 * the core's checks into 400, anything else into 500.
 */
@FunctionalInterface
interface Endpoint {

    Reply handle(ApiRequest request) throws Exception;
}
