package org.thicket.bramble.sync.api;

/** How a group is synced with one contact. */
public enum Visibility {

    /** Not synced: the contact's messages in the group are ignored and ours are not offered. */
    INVISIBLE,

    /** The contact's messages in the group are accepted and acked, but ours are not offered or sent. */
    VISIBLE,

    /** Synced both ways: messages are accepted, acked, offered and sent. */
    SHARED
}
