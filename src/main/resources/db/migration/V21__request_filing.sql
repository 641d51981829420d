-- The kernel's own facts of a request, written once at filing: who filed it, from which department and section, under
-- which number, with which values. Four eyes, routing, mails, registers and the decision record read them from here,
-- never from process variables, which stay for display in Tasklist only.
create table request_filing (
  process_instance_id varchar(64)  primary key,
  business_key        varchar(32)  not null unique,
  flow_key            varchar(64)  not null,
  requester           varchar(64)  not null,
  requester_name      varchar(200),
  department_code     varchar(64),
  department_name     varchar(200),
  section_code        varchar(64),
  filed_at            timestamp with time zone not null,
  -- the values of the last filing or resubmission (JSON, the start or correction form's fields)
  filed_values        text
);

-- The route of each role holder's step, kept by the kernel when the step is created: the role it is offered to, the
-- candidate groups the routing gave it, and a documented exception to four eyes. Who may claim or complete the step
-- is decided from this row, whatever identity links or task variables were added later.
create table request_step (
  task_id             varchar(64)  primary key,
  process_instance_id varchar(64)  not null,
  step                varchar(128) not null,
  acting_role         varchar(64),
  candidate_groups    varchar(1000) not null,
  four_eyes_exception varchar(32),
  created_at          timestamp with time zone not null
);

create index request_step_process_instance on request_step (process_instance_id);
