package org.thicket.bramble.validation.api;

/** What a client's hook decided about a valid message whose dependencies are all delivered. */
public enum DeliveryAction {
    /** Invalid in context: mark INVALID, delete it, and fail its dependents. */
    REJECT,
    /** Not yet: stays PENDING and is offered to the hook again at the next start. */
    DEFER,
    /** Delivered, and shared onwards with the contacts the group is shared with. */
    ACCEPT_SHARE,
    /** Delivered, not shared onwards. */
    ACCEPT_DO_NOT_SHARE
}
