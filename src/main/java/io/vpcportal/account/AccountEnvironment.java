package io.vpcportal.account;

/** Approval rules treat production accounts more strictly. */
public enum AccountEnvironment {
    PRODUCTION, NON_PRODUCTION
}
