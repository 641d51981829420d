-- 媒体廃棄台帳 (3.3.1, 3.3.2, 4.1.2): one row per media disposal or reuse request, kept by the mediaDisposal flow's
-- service tasks. An outsourced destruction keeps the engine attachment id and SHA-256 of its certificate of
-- destruction, so that the certificate on file can be shown to be the one the request was closed with.
create table media_disposal_register (
  business_key              varchar(32)   primary key,
  process_instance_id       varchar(64)   not null,
  requester                 varchar(64)   not null,
  department_code           varchar(64),
  classification            varchar(16)   not null,
  media_type                varchar(32)   not null,
  -- 4.1.2: a medium used for backups is disposed of under 3.3 like any other
  backup_medium             boolean       default false not null,
  disposal_action           varchar(16)   not null,
  disposal_method           varchar(32)   not null,
  quantity                  integer       not null,
  description               varchar(1000) not null,
  contractor                varchar(200),
  -- REQUESTED, RECEIVED, SENT_BACK, APPROVED, REJECTED, WITHDRAWN, EXECUTED, RECORDED (公開: no approval)
  status                    varchar(16)   not null,
  receiver                  varchar(64),
  receiver_role             varchar(64),
  received_at               timestamp with time zone,
  approver                  varchar(64),
  approver_role             varchar(64),
  decided_at                timestamp with time zone,
  executed_on               date,
  execution_note            varchar(1000),
  certificate_attachment_id varchar(64),
  certificate_sha256        varchar(64),
  filed_at                  timestamp with time zone not null
);

create index media_disposal_register_status on media_disposal_register (status, filed_at);
