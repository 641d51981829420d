-- インシデント管理台帳 (9.1–9.5): one row per reported incident under its number (IN-2026-0001), entered when it is
-- reported and kept up to date by the incident flow until it is closed; nothing is ever deleted. Who did what and
-- when is in the decision record (audit_record); this is the register the auditors read and export.
create table incident_register (
  incident_number       varchar(32)   primary key,
  process_instance_id   varchar(64)   not null,
  -- 9.4: LEAK, TAMPERING, SERVICE_OUTAGE, VIRUS, ATTACK_NOTICE
  incident_kind         varchar(20)   not null,
  summary               varchar(2000) not null,
  discovered_on         date,
  reporter              varchar(64)   not null,
  department_code       varchar(64),
  personal_data         boolean       default false not null,
  customers_affected    boolean       default false not null,
  cyber_attack          boolean       default false not null,
  asset_ids             varchar(500),
  -- 9.2: the level incidentLevel proposed, the level now, and every change with its reason
  proposed_level        integer       not null,
  incident_level        integer       not null,
  level_changes         varchar(4000),
  responders            varchar(200),
  reported_at           timestamp with time zone not null,
  acknowledged_at       timestamp with time zone,
  acknowledged_by       varchar(500),
  -- personal-data leaks: the supervisory authority's deadlines (preliminary and final report)
  preliminary_report_due date,
  final_report_due      date,
  -- 9.4.1 ⑥ ⑦: the filings with the police and the supervisory authority (date, office, reference number)
  filings               varchar(4000),
  cause                 varchar(2000),
  measures_taken        varchar(2000),
  recurrence_prevention varchar(2000),
  publication_done      boolean,
  closed_at             timestamp with time zone,
  -- REPORTED, RESPONDING, CLOSING, CLOSED
  status                varchar(16)   not null
);

create index incident_register_reported on incident_register (reported_at);

-- The procedure of 9.4 for one incident: one row per step of the checklist incidentProcedure gave for its kind and
-- level, with who must do it, the evidence and, for a filing, its date, office and reference number. A re-levelling
-- removes the steps not yet done and adds those of the new level.
create table incident_step (
  incident_number  varchar(32)   not null,
  step             varchar(64)   not null,
  step_number      varchar(8),
  step_text        varchar(500)  not null,
  responder_role   varchar(32)   not null,
  -- POLICE, SUPERVISORY_PRELIMINARY, SUPERVISORY_FINAL, or empty
  filing           varchar(32),
  clause           varchar(16),
  due_at           timestamp with time zone,
  outcome          varchar(16),
  evidence         varchar(2000),
  filed_on         date,
  filing_office    varchar(200),
  filing_reference varchar(200),
  done_by          varchar(64),
  done_at          timestamp with time zone,
  primary key (incident_number, step)
);
