package org.thicket.bramble.db.api;

@FunctionalInterface
public interface DbRunnable<E extends Exception> {

    void run(Transaction txn) throws DbException, E;
}
