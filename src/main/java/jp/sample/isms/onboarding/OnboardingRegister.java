package jp.sample.isms.onboarding;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** 入社手続きの記録 (2.1, 2.4, 5.1.9): the undertaking, the account, the account requests and the initial training. */
@Repository
class OnboardingRegister {

  private final JdbcTemplate jdbc;

  OnboardingRegister(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void accountCreated(String businessKey, String processInstanceId, String requester, String userId,
      String departmentCode, LocalDate hireDate, OnboardingDocuments.Undertaking undertaking, String createdBy,
      OffsetDateTime at) {
    jdbc.update("""
        insert into onboarding_register (business_key, process_instance_id, requester, user_id, department_code,
          hire_date, undertaking_attachment_id, undertaking_sha256, account_created_by, account_created_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """, businessKey, processInstanceId, requester, userId, departmentCode, Date.valueOf(hireDate),
        undertaking.attachmentId(), undertaking.sha256(), createdBy, Timestamp.from(at.toInstant()));
  }

  void accountRequestsFiled(String businessKey, String numbers) {
    jdbc.update("update onboarding_register set account_requests = ? where business_key = ?", numbers, businessKey);
  }

  void trained(String businessKey, String trainedBy, LocalDate trainedOn, String content) {
    jdbc.update("update onboarding_register set trained_by = ?, trained_on = ?, training_content = ? "
        + "where business_key = ?", trainedBy, Date.valueOf(trainedOn), content, businessKey);
  }

  Optional<Map<String, Object>> find(String businessKey) {
    return jdbc.queryForList("select * from onboarding_register where business_key = ?", businessKey).stream()
        .findFirst();
  }
}
