-- Departments and sections are closed, never deleted: requests, records and persons of the past keep pointing to them.
alter table org_department add column closed_at timestamp with time zone;
alter table org_section add column closed_at timestamp with time zone;
