-- 媒体廃棄台帳: the state shown is a plain label of the stored status (no date is involved), defined once, in Java
-- (MediaDisposalRegister.STATES), which the flow's register class and the auditors' register both read. The view that
-- repeated the labels in SQL is dropped; the registers whose shown state depends on dates keep their views (V140).
drop view media_disposal_register_view;
