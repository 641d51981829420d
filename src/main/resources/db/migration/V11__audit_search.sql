-- The auditor's search (issue 6). audit_request is an index over the decision record, one row per request (business
-- key), kept by AuditRecorder in the transaction of each record: what the search filters and sorts on without grouping
-- the whole record. It is derived data: everything in it except the classification can be rebuilt from audit_record
-- (the classification is the request's process variable "classification" when the record was written).
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
  record_count        integer      not null default 0
);

-- the first page of a search is the newest requests matching the filters: one index per equality filter, ending in
-- the sort key, so that the database reads the page off the index instead of sorting every match
create index audit_request_filed_at on audit_request (filed_at);
create index audit_request_flow on audit_request (flow_key, filed_at);
create index audit_request_requester on audit_request (requester, filed_at);
create index audit_request_department on audit_request (department_code, filed_at);
create index audit_request_classification on audit_request (classification, filed_at);
create index audit_request_process_instance on audit_request (process_instance_id);

-- approver and outcome filters are semi-joins into the record; the query log is searched by kind and time
create index audit_record_actor on audit_record (actor, step_kind, business_key);
create index audit_record_outcome on audit_record (outcome, business_key);
create index audit_record_kind_time on audit_record (step_kind, occurred_at);

-- requests recorded before this migration
insert into audit_request (business_key, process_instance_id, flow_key, flow_version, requester, requester_name,
  department_code, filed_at, record_count)
select r.business_key, r.process_instance_id, r.flow_key, r.flow_version, r.requester,
       case when r.actor = r.requester then r.actor_name end, r.department_code, r.occurred_at, 0
  from audit_record r
 where r.business_key is not null
   and r.id = (select min(f.id) from audit_record f where f.business_key = r.business_key);

update audit_request set
  last_record_id = (select max(r.id) from audit_record r where r.business_key = audit_request.business_key),
  record_count = (select count(*) from audit_record r where r.business_key = audit_request.business_key);

update audit_request set
  last_step_name = (select r.step_name from audit_record r where r.id = audit_request.last_record_id),
  last_outcome = (select r.outcome from audit_record r where r.id = audit_request.last_record_id),
  last_at = (select r.occurred_at from audit_record r where r.id = audit_request.last_record_id);

update audit_request set classification =
  (select t.classification from takeout_register t where t.business_key = audit_request.business_key)
 where classification is null;

update audit_request set classification =
  (select m.classification from media_disposal_register m where m.business_key = audit_request.business_key)
 where classification is null;
