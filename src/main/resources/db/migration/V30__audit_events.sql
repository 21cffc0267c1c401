-- The audit trail: one row per state change, decision, edit, token and failed sign-in. Append-only.
create table audit_event (
    id           bigint       generated always as identity primary key,
    occurred_at  timestamptz  not null,
    actor        varchar(64)  not null,
    action       varchar(40)  not null,
    subject_type varchar(20)  not null,
    subject_id   varchar(100) not null,
    -- text rather than jsonb: keeps the canonical JSON exactly as the portal wrote it (jsonb would reorder
    -- keys and rewrite whitespace); cast to jsonb to query inside it
    before_state text,
    after_state  text,
    detail       text
);
create index audit_event_occurred_at_idx on audit_event (occurred_at, id);
create index audit_event_actor_idx on audit_event (actor, id);
create index audit_event_action_idx on audit_event (action, id);
create index audit_event_subject_idx on audit_event (subject_type, subject_id, id);

-- Append-only, enforced by the database itself. These triggers fire for every role, the table's owner and
-- superusers included. That matters here: the embedded database connects as the superuser postgres, and in
-- the compose stack portal_app owns everything Flyway creates, so privileges alone would not stop either.
-- (A superuser or the owner can still drop the triggers; to make the trail tamper-proof against the
-- application itself, run the portal as a role that does not own the table and grant it SELECT, INSERT.)
create function audit_event_is_append_only() returns trigger
    language plpgsql as
$$
begin
    raise exception 'audit_event is append-only: % is not allowed', tg_op
        using errcode = 'insufficient_privilege',
              hint = 'Audit rows are never changed or removed; write a new row instead.';
end;
$$;

create trigger audit_event_no_update
    before update on audit_event
    for each row execute function audit_event_is_append_only();
create trigger audit_event_no_delete
    before delete on audit_event
    for each row execute function audit_event_is_append_only();
create trigger audit_event_no_truncate
    before truncate on audit_event
    for each statement execute function audit_event_is_append_only();

-- Nobody gets to change rows through privileges either: not PUBLIC, and not the role running this migration
-- (when that is also the application's role and owns the table, its own UPDATE, DELETE and TRUNCATE now fail
-- with "permission denied" before the triggers are even reached; superusers ignore privileges).
revoke update, delete, truncate on audit_event from public;
revoke update, delete, truncate on audit_event from current_user;
