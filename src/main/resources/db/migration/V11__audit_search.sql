-- The auditor's search. audit_request is an index over the decision record, one row per request (business
-- key), kept by AuditRecorder in the transaction of each record: what the search filters and sorts on without grouping
-- the whole record. It is derived data: everything in it except the classification can be rebuilt from audit_record
-- (the classification is the request's process variable "classification" when the record was written). Requests
-- recorded before this migration are added by the application at start (AuditRequestIndex).
create table audit_request (
  business_key        varchar(32)  primary key,
  process_instance_id varchar(64),
  flow_key            varchar(64)  not null,
  flow_version        integer,
  requester           varchar(64),
  requester_name      varchar(200),
  department_code     varchar(64),
  -- 3.1.1 機密性: PUBLIC, INTERNAL, SECRET; null where the flow has none (accountRequest)
  classification      varchar(16),
  filed_at            timestamp with time zone not null,
  last_record_id      bigint,
  last_step_name      varchar(200),
  last_outcome        varchar(32),
  last_at             timestamp with time zone,
  record_count        integer      not null default 0,
  -- the outcomes and clauses of all its records, as sets: ",FILED,SENT_BACK,RESUBMITTED,APPROVED,"
  outcomes            varchar(500),
  clauses             varchar(2000)
);

-- the first page of a search is the newest requests matching the filters: one index per equality filter, ending in
-- the sort key, so that the database reads the page off the index instead of sorting every match
create index audit_request_filed_at on audit_request (filed_at);
create index audit_request_flow on audit_request (flow_key, filed_at);
create index audit_request_requester on audit_request (requester, filed_at);
create index audit_request_department on audit_request (department_code, filed_at);
create index audit_request_classification on audit_request (classification, filed_at);
create index audit_request_process_instance on audit_request (process_instance_id);

-- the approver filter is a semi-join into the record; the record search (query log) is by kind and time
create index audit_record_actor on audit_record (actor, step_kind, business_key);
create index audit_record_kind_time on audit_record (step_kind, occurred_at);

