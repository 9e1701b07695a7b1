package org.thicket.bramble.db.api;

@FunctionalInterface
public interface DbCallable<R, E extends Exception> {

    R call(Transaction txn) throws DbException, E;
}
