-- PostgreSQL makes audit_record append-only with a trigger (db/vendor/postgresql); the embedded H2 of the first run
-- relies on the hash chain alone.
select 1;
