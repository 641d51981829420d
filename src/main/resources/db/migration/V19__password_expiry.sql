-- 5.1.8: パスワードは、一定期間更新がなければ警告を行い、警告に従わない場合はパスワードは失効する.
-- The age of a password counts from password_changed_at (V18); users without one get it when the product first sees
-- them (start-up, first login), never the day of the upgrade as an expiry. The warning mail of the nightly flow
-- passwordExpiryReview is noted here for the password it was sent for (reset whenever a new password is set).
alter table account_state add column password_expiry_warned_at timestamp with time zone;
