package org.thicket.messenger.ui

/** Test tags of the interactive and checked elements (UI tests and scripted runs find them by these). */
internal object Tags {
    const val STARTING = "starting-screen"
    const val CREATE_ACCOUNT_SCREEN = "create-account-screen"
    const val NICKNAME = "nickname"
    const val NICKNAME_HINT = "nickname-hint"
    const val PASSWORD = "password"
    const val CONFIRM_PASSWORD = "confirm-password"
    const val PASSWORD_STRENGTH = "password-strength"
    const val PASSWORD_MISMATCH = "password-mismatch"
    const val CREATE = "create"

    const val SIGN_IN_SCREEN = "sign-in-screen"
    const val SIGN_IN = "sign-in"
    const val DELETE_ACCOUNT = "delete-account"
    const val DELETE_DIALOG = "delete-dialog"
    const val DELETE_CONFIRM = "delete-confirm"
    const val DELETE_CANCEL = "delete-cancel"

    const val ERROR = "account-error"
    const val BUSY = "busy"

    const val MAIN_SCREEN = "main-screen"
    const val OUR_NICKNAME = "our-nickname"
    const val SIGN_OUT = "sign-out"
    const val NAV_CONTACTS = "nav-contacts"
    const val NAV_SETTINGS = "nav-settings"
    const val NAV_ABOUT = "nav-about"
    const val CONTACTS_EMPTY = "contacts-empty"
    const val ABOUT_NAME = "about-name"
    const val ABOUT_VERSION = "about-version"
}
