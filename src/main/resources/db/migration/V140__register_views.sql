-- One view per register whose display state is derived: the state users and auditors see is computed here, once,
-- and every reader (the flow's own register class, the auditors' pages and CSV) reads it from the view.
-- current_date is the date in Japan: the application runs in Asia/Tokyo (IsmsApplication sets the default time
-- zone; H2 uses it, and the PostgreSQL driver sets each session's TimeZone from it).

-- 持ち出し台帳 (3.2): 申請中, 差し戻し中, 承認 (before the take-out day), 持ち出し中, 返却遅延 (past the planned return
-- day and not returned), 返却済, 却下, 取り下げ, 記録 (承認不要), 取消, 終了 (決定なし); late: overdue now, or
-- returned after the planned day.
create view takeout_register_view as
select t.*, d.name as department_name,
  case t.status
    when 'REQUESTED' then '申請中'
    when 'SENT_BACK' then '差し戻し中'
    when 'APPROVED' then
      case when current_date > t.planned_return_date then '返却遅延'
           when current_date < t.start_date then '承認'
           else '持ち出し中' end
    when 'RETURNED' then '返却済'
    when 'REJECTED' then '却下'
    when 'WITHDRAWN' then '取り下げ'
    when 'RECORDED' then '記録 (承認不要)'
    when 'CANCELLED' then '取消'
    when 'TERMINATED' then '終了 (決定なし)'
    else t.status end as display_status,
  case when (t.status = 'APPROVED' and current_date > t.planned_return_date)
         or (t.returned_on is not null and t.returned_on > t.planned_return_date)
       then true else false end as late
from takeout_register t left join org_department d on d.code = t.department_code;

-- 媒体廃棄台帳 (3.3.1, 3.3.2, 4.1.2)
create view media_disposal_register_view as
select m.*, d.name as department_name,
  case m.status
    when 'REQUESTED' then '申請中'
    when 'RECEIVED' then '受付済 (承認待ち)'
    when 'SENT_BACK' then '差し戻し中'
    when 'APPROVED' then '承認 (実施待ち)'
    when 'REJECTED' then '却下'
    when 'WITHDRAWN' then '取り下げ'
    when 'EXECUTED' then '実施済'
    when 'RECORDED' then '記録 (承認不要)'
    when 'CANCELLED' then '取消'
    when 'TERMINATED' then '終了 (決定なし)'
    else m.status end as display_status
from media_disposal_register m left join org_department d on d.code = m.department_code;

-- 定期業務の実施記録: 完了, 期限切れ (open past its due date), 実施中
create view periodic_duty_occurrence_view as
select o.*, d.name as department_name,
  case when o.status = 'DONE' then '完了'
       when o.due_date < current_date then '期限切れ'
       else '実施中' end as display_status,
  case when o.status = 'OPEN' and o.due_date < current_date then true else false end as overdue
from periodic_duty_occurrence o left join org_department d on d.code = o.department_code;

-- 改善計画 (改善項目): 完了, 期限切れ (not done past its due date), 予定, 完了報告済み, 実施中
create view improvement_item_view as
select i.*,
  case when i.status = 'DONE' then '完了'
       when i.due_date < current_date then '期限切れ'
       when i.status = 'PLANNED' then '予定'
       when i.status = 'CLOSED' then '完了報告済み'
       else '実施中' end as display_status,
  case when i.status <> 'DONE' and i.due_date < current_date then true else false end as overdue
from improvement_item i;
