-- 持ち出し台帳 (3.2): one row per take-out request, kept by the takeOut flow's service tasks.
-- The status shown to users (申請中, 承認, 持ち出し中, 返却遅延, ...) is derived from this and the dates.
create table takeout_register (
  business_key        varchar(32)  primary key,
  process_instance_id varchar(64)  not null,
  requester           varchar(64)  not null,
  department_code     varchar(64),
  asset_description   varchar(500) not null,
  classification      varchar(16)  not null,
  medium              varchar(32)  not null,
  destination         varchar(200),
  start_date          date         not null,
  planned_return_date date         not null,
  -- REQUESTED, SENT_BACK, APPROVED, REJECTED, WITHDRAWN, RETURNED, RECORDED (公開: no approval)
  status              varchar(16)  not null,
  approver            varchar(64),
  approver_role       varchar(64),
  filed_at            timestamp with time zone not null,
  decided_at          timestamp with time zone,
  returned_on         date
);

create index takeout_register_status on takeout_register (status, planned_return_date);
