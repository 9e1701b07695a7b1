package org.thicket.bramble.lifecycle.api;

/**
 * Where the app is in its single start-stop cycle. States move forward through this list; the two database
 * states appear only when opening the database needs that slow work, and a failed start stops short of RUNNING.
 */
public enum LifecycleState {
    CREATED,
    STARTING,
    MIGRATING_DATABASE,
    COMPACTING_DATABASE,
    STARTING_SERVICES,
    RUNNING,
    STOPPING,
    STOPPED
}
