package jp.sample.isms.offboarding;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** 退職手続きの記録 (2.3, 5.1.7): returns, their confirmation, the deletions filed and the disabled account. */
@Repository
class OffboardingRegister {

  private final JdbcTemplate jdbc;

  OffboardingRegister(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void listed(String businessKey, String processInstanceId, String requester, String userId, LocalDate lastWorkingDay,
      String returnItems) {
    jdbc.update("""
        insert into offboarding_register (business_key, process_instance_id, requester, user_id, last_working_day,
          return_items) values (?, ?, ?, ?, ?, ?)
        """, businessKey, processInstanceId, requester, userId, Date.valueOf(lastWorkingDay), returnItems);
  }

  void returnsConfirmed(String businessKey, String confirmedBy, OffsetDateTime at, String accountRequests) {
    jdbc.update("update offboarding_register set returns_confirmed_by = ?, returns_confirmed_at = ?, "
        + "account_requests = ? where business_key = ?", confirmedBy, Timestamp.from(at.toInstant()), accountRequests,
        businessKey);
  }

  void accountDisabled(String businessKey, OffsetDateTime at, String handedOver) {
    jdbc.update("update offboarding_register set account_disabled_at = ?, handed_over_steps = ? "
        + "where business_key = ?", Timestamp.from(at.toInstant()), handedOver, businessKey);
  }
}
