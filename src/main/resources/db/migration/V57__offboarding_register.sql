-- 退職手続きの記録 (2.3, 5.1.7): one row per offboarding request, kept by the offboarding flow. What was to be
-- returned and who confirmed the return, the account deletions filed, and when the product account was disabled with
-- the steps that were handed over.
create table offboarding_register (
  business_key        varchar(32)  primary key,
  process_instance_id varchar(64)  not null,
  requester           varchar(64)  not null,
  user_id             varchar(64)  not null,
  last_working_day    date         not null,
  return_items        varchar(4000),
  returns_confirmed_by varchar(64),
  returns_confirmed_at timestamp with time zone,
  -- the accountRequest DELETE numbers filed for the person's accounts (AR-2026-0001,AR-2026-0002)
  account_requests    varchar(1000),
  account_disabled_at timestamp with time zone,
  handed_over_steps   varchar(4000)
);

create index offboarding_register_user on offboarding_register (user_id);
