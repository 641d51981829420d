-- audit_request.outcomes is the set of the distinct outcome codes of a request's records (",FILED,APPROVED,DONE,").
-- 500 characters held a usual request, not every outcome a long one can collect (attachments, comments, hand-overs,
-- escalations, history changes ...): wide enough for the whole vocabulary of outcomes, which AuditRequestIndexTest
-- checks against the column. SET DATA TYPE is understood by H2 and PostgreSQL alike.
alter table audit_request alter column outcomes set data type varchar(4000);
