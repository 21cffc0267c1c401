-- The OpenID Connect identity behind a user who signs in through single sign-on: the issuer and its subject.
-- A username can change hands at the identity provider; issuer and subject cannot, so they bind the account.
alter table portal_user
    add column oidc_issuer  varchar(500),
    add column oidc_subject varchar(255),
    add constraint portal_user_oidc_identity unique (oidc_issuer, oidc_subject),
    add constraint portal_user_oidc_identity_complete check ((oidc_issuer is null) = (oidc_subject is null));
