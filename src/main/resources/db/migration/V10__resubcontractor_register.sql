-- 委託先台帳, re-subcontractors (8.1.5): one row per approved re-subcontracting, kept by the resubcontracting flow's
-- service task and linked to the outsourcing contract (contractor_register) by the outsourcing request number.
create table resubcontractor_register (
  -- the re-subcontracting request (RS-2026-0001)
  business_key             varchar(32)   primary key,
  -- the outsourcing contract it belongs to (OS-2026-0001)
  outsourcing_business_key varchar(32)   not null references contractor_register (business_key),
  process_instance_id      varchar(64)   not null,
  requester                varchar(64)   not null,
  resubcontractor          varchar(200)  not null,
  scope_of_work            varchar(1000) not null,
  -- the re-subcontractor holds a security certification; its certificate is then one of the documents
  certified                boolean       default false not null,
  -- the head of the department owning the outsourcing who confirmed equivalence with 8.1.1, 8.1.3 and 8.1.4, and
  -- the security officer who approved
  reviewer                 varchar(64)   not null,
  approver                 varchar(64)   not null,
  approved_at              timestamp with time zone not null,
  -- the documents approved on, one per line: KIND=engine attachment id:SHA-256 of its content
  documents                varchar(2000) not null
);

create index resubcontractor_register_contract on resubcontractor_register (outsourcing_business_key);
