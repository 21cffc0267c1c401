package io.vpcportal.identity.internal;

/** The state of an account that decides whether a session opened earlier may go on, and with which principal. */
record AccountStamp(boolean enabled, long accessVersion, long credentialsVersion) {
}
