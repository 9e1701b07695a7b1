package org.thicket.bramble.keyagreement.api;

public interface KeyAgreementTaskFactory {

    KeyAgreementTask createTask();
}
