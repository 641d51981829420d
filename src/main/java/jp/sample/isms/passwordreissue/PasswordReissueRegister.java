package jp.sample.isms.passwordreissue;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * パスワード再発行の記録 (5.1.6): who filed, whose identity was checked by whom and how, who issued the new password
 * and how it reached the person. Never the password.
 */
@Repository
class PasswordReissueRegister {

  /** One reissue as recorded. */
  record Entry(String businessKey, String processInstanceId, String requester, String userId, String system,
      String accountId, String identityCheckedBy, String identityCheckMethod, String identityCheckNote,
      String issuedBy, String deliveryMethod, OffsetDateTime issuedAt) {
  }

  private final JdbcTemplate jdbc;

  PasswordReissueRegister(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void add(Entry entry) {
    jdbc.update("""
        insert into password_reissue_register (business_key, process_instance_id, requester, user_id, system_code,
          account_id, identity_checked_by, identity_check_method, identity_check_note, issued_by, delivery_method,
          issued_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """, entry.businessKey(), entry.processInstanceId(), entry.requester(), entry.userId(), entry.system(),
        entry.accountId(), entry.identityCheckedBy(), entry.identityCheckMethod(), entry.identityCheckNote(),
        entry.issuedBy(), entry.deliveryMethod(), Timestamp.from(entry.issuedAt().toInstant()));
  }

  List<Map<String, Object>> forUser(String userId) {
    return jdbc.queryForList("select * from password_reissue_register where user_id = ? order by issued_at",
        userId);
  }
}
