-- One counter per kind of reference data that instances cache in memory (current template versions, account
-- settings, API tokens with their users). A trigger moves the counter in the same transaction as any change to the
-- data, whoever writes it (the portal, another instance, an operator with psql); an instance compares the counter
-- it cached at with the committed one (one primary-key read) before it uses a cached entry, so no instance serves
-- data older than the last committed change.
create table reference_version (
    name    varchar(40) primary key,
    version bigint not null default 0
);
insert into reference_version (name) values ('catalog'), ('account'), ('identity');

create function bump_reference_version() returns trigger language plpgsql as $$
begin
    update reference_version set version = version + 1 where name = tg_argv[0];
    return null;
end
$$;

-- catalog: every template version, its fields and its regional services
create trigger endpoint_template_changes after insert or delete or truncate on endpoint_template
    for each statement execute function bump_reference_version('catalog');
create trigger endpoint_template_updates after update on endpoint_template
    for each row when (old is distinct from new) execute function bump_reference_version('catalog');
create trigger template_field_changes after insert or update or delete or truncate on template_field
    for each statement execute function bump_reference_version('catalog');
create trigger template_regional_service_changes after insert or update or delete or truncate on template_regional_service
    for each statement execute function bump_reference_version('catalog');

-- account: the accounts and the teams that may use them
create trigger aws_account_changes after insert or delete or truncate on aws_account
    for each statement execute function bump_reference_version('account');
create trigger aws_account_updates after update on aws_account
    for each row when (old is distinct from new) execute function bump_reference_version('account');
create trigger aws_account_team_changes after insert or update or delete or truncate on aws_account_team
    for each statement execute function bump_reference_version('account');

-- identity: what decides whether a bearer token may act, and as whom. A token's last use (written at most once a
-- minute) and a user's last sign-in do not count; revocation, expiry, deletion, a disabled or demoted user do.
create trigger api_token_updates after update on api_token
    for each row when (old.revoked_at is distinct from new.revoked_at or old.expires_at is distinct from new.expires_at
        or old.user_id is distinct from new.user_id or old.token_hash is distinct from new.token_hash)
    execute function bump_reference_version('identity');
create trigger api_token_deletes after delete or truncate on api_token
    for each statement execute function bump_reference_version('identity');
create trigger portal_user_updates after update on portal_user
    for each row when (old.enabled is distinct from new.enabled or old.access_version is distinct from new.access_version
        or old.credentials_version is distinct from new.credentials_version or old.username is distinct from new.username
        or old.display_name is distinct from new.display_name)
    execute function bump_reference_version('identity');
create trigger portal_user_deletes after delete or truncate on portal_user
    for each statement execute function bump_reference_version('identity');
create trigger user_role_changes after insert or update or delete or truncate on user_role
    for each statement execute function bump_reference_version('identity');
create trigger team_membership_changes after insert or update or delete or truncate on team_membership
    for each statement execute function bump_reference_version('identity');
