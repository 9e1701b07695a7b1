package org.thicket.messenger.headless.api;

/** One resource of the API (identity, contacts, ...): registers the routes it answers. */
interface ApiResource {

    void register(Routes routes);
}
