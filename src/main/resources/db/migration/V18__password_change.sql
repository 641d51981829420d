-- 5.1.8: a password set by someone else (account creation, reset by the system administrator) must be changed by
-- the user at the first login, before anything else.
alter table account_state add column must_change_password boolean default false not null;
alter table account_state add column password_changed_at timestamp with time zone;
