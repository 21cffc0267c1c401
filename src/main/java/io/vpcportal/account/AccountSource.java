package io.vpcportal.account;

/** Where an account's registration comes from: an admin, or AWS Organizations discovery (which never edits HAND ones). */
public enum AccountSource {
    HAND, ORGANIZATION
}
