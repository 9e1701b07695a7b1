package org.thicket.bramble.plugin.lan;

import static org.thicket.bramble.plugin.lan.LanConstants.PREF_ALLOW_LOOPBACK;

import jakarta.inject.Inject;
import org.thicket.bramble.db.api.DatabaseComponent;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.db.api.Transaction;
import org.thicket.bramble.lifecycle.api.OpenDatabaseHook;
import org.thicket.bramble.settings.api.Settings;

/** Turns the loopback setting on as the database opens, before the plugin reads its settings at start. */
final class AllowLoopbackHook implements OpenDatabaseHook {

    private final DatabaseComponent db;

    @Inject
    AllowLoopbackHook(DatabaseComponent db) {
        this.db = db;
    }

    @Override
    public void onDatabaseOpened(Transaction txn) throws DbException {
        db.mergeSettings(txn, Settings.EMPTY.withBoolean(PREF_ALLOW_LOOPBACK, true), LanConstants.ID.value());
    }
}
