-- The decision record is append-only in the database itself, whatever role the application connects with:
-- UPDATE and DELETE of audit_record are refused. (A DBA investigating an incident can disable the trigger;
-- the hash chain then still shows what was changed.) See SECURITY.md for the application role without
-- UPDATE/DELETE on this table.
create function audit_record_append_only() returns trigger as $$
begin
  raise exception '監査記録は変更・削除できません (audit_record is append-only)';
end;
$$ language plpgsql;

create trigger audit_record_append_only
  before update or delete on audit_record
  for each row execute function audit_record_append_only();
