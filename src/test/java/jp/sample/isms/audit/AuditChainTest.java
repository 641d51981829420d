package jp.sample.isms.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.support.Requests;
import jp.sample.isms.support.DemoOrganisation;

/** The hash chain of the decision record detects a changed, a deleted and a deleted last record. */
@IsmsSpringBootTest
class AuditChainTest {

  @Autowired
  AuditChain chain;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  PlatformTransactionManager transactionManager;
  @Autowired
  ProcessEngine engine;
  @Autowired
  TestRestTemplate rest;
  @Autowired
  AuditRecorder recorder;

  org.camunda.bpm.engine.runtime.ProcessInstance instance;

  @BeforeEach
  void someRecords() {
    Requests requests = new Requests(engine);
    instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, "takeOut", Requests.internalLaptopTakeOut());
    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, Map.of("decision", "SENT_BACK", "decisionComment", "日付を確認してください"));
  }

  @Test
  void theSubmittedValuesAreInTheRecordInsteadOfTheEnginesVariableDetails() {
    // what yamamoto filed and what ito decided are in their records
    Map<String, String> values = Map.copyOf(jdbc.query("select outcome, submitted_values from audit_record"
        + " where process_instance_id = ? and submitted_values is not null order by id", rs -> {
          Map<String, String> byOutcome = new java.util.HashMap<>();
          while (rs.next()) {
            byOutcome.put(rs.getString(1), rs.getString(2));
          }
          return byOutcome;
        }, instance.getId()));
    assertThat(values.get("FILED")).contains("\"assetIds\":\"IA-0001\"", "\"medium\":\"LAPTOP\"");
    assertThat(values.get("SENT_BACK")).contains("\"decision\":\"SENT_BACK\"", "日付を確認してください");
    // the engine wrote no variable-update or form-field details for the request
    assertThat(engine.getHistoryService().createHistoricDetailQuery().processInstanceId(instance.getId()).count())
        .isZero();
    // the variables' history itself is kept
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName("classification").singleResult().getValue()).isEqualTo("INTERNAL");
  }

  @Test
  void changedSubmittedValuesAreDetected() {
    long id = jdbc.queryForObject("select min(id) from audit_record where process_instance_id = ?", Long.class,
        instance.getId());
    AuditChain.Verification verification = tampered(() -> jdbc.update(
        "update audit_record set submitted_values = replace(submitted_values, 'IA-0001', 'IA-0003') where id = ?",
        id));
    assertThat(verification.intact()).isFalse();
    assertThat(verification.brokenAtId()).isEqualTo(id);
  }

  @Test
  void anUntouchedChainIsIntact() {
    AuditChain.Verification verification = chain.verify();
    assertThat(verification.intact()).as(verification.reason()).isTrue();
    assertThat(verification.recordsChecked()).isEqualTo(count());
  }

  @Test
  void aChangedRecordIsDetected() {
    long id = middleRecord();
    AuditChain.Verification verification = tampered(
        () -> jdbc.update("update audit_record set comment = '改ざん' where id = ?", id));
    assertThat(verification.intact()).isFalse();
    assertThat(verification.brokenAtId()).isEqualTo(id);
    assertThat(verification.reason()).contains("内容が変更されています");
  }

  @Test
  void aChangedActorIsDetected() {
    long id = middleRecord();
    AuditChain.Verification verification = tampered(
        () -> jdbc.update("update audit_record set actor = 'tanaka' where id = ?", id));
    assertThat(verification.brokenAtId()).isEqualTo(id);
  }

  @Test
  void aDeletedRecordIsDetectedAtTheNextOne() {
    long id = middleRecord();
    long next = jdbc.queryForObject("select min(id) from audit_record where id > ? and chain_strand = "
        + "(select chain_strand from audit_record where id = ?)", Long.class, id, id);
    AuditChain.Verification verification = tampered(() -> jdbc.update("delete from audit_record where id = ?", id));
    assertThat(verification.intact()).isFalse();
    assertThat(verification.brokenAtId()).isEqualTo(next);
    assertThat(verification.reason()).contains("削除または変更");
  }

  @Test
  void aDeletedLastRecordIsDetected() {
    long last = jdbc.queryForObject("select max(id) from audit_record", Long.class);
    AuditChain.Verification verification = tampered(() -> jdbc.update("delete from audit_record where id = ?", last));
    assertThat(verification.intact()).isFalse();
    assertThat(verification.reason()).contains("最後の記録が削除されています");
  }

  @Test
  void anInsertedRecordIsDetectedEvenWithAProperHash() {
    long id = middleRecord();
    AuditChain.Verification verification = tampered(() -> {
      AuditEntry copy = jdbc.queryForObject("select * from audit_record where id = ?", AuditRecorder.ROW, id);
      int strand = jdbc.queryForObject("select chain_strand from audit_record where id = ?", Integer.class, id);
      String last = jdbc.queryForObject("select last_hash from audit_chain_head where id = ?", String.class, strand);
      jdbc.update("""
          insert into audit_record (business_key, process_instance_id, flow_key, flow_version, step, step_name,
            step_kind, actor, actor_name, acting_role, principal, requester, department_code, occurred_at, outcome,
            comment, clauses, flags, regulation_revision, submitted_values, previous_hash, record_hash, chain_strand)
          select business_key, process_instance_id, flow_key, flow_version, step, step_name, step_kind, actor,
            actor_name, acting_role, principal, requester, department_code, occurred_at, outcome, comment, clauses,
            flags, regulation_revision, submitted_values, ?, ?, chain_strand
            from audit_record where id = ?
          """, last, AuditChain.hash(last, copy), id);
    });
    assertThat(verification.intact()).isFalse();
    assertThat(verification.reason()).contains("最後の記録");
  }

  @Test
  void aRecordMovedToAnotherStrandIsDetected() {
    long id = middleRecord();
    AuditChain.Verification verification = tampered(() -> jdbc.update(
        "update audit_record set chain_strand = case when chain_strand = 1 then 2 else 1 end where id = ?", id));
    assertThat(verification.intact()).isFalse();
    assertThat(verification.brokenAtId()).isNotNull();
  }

  @Test
  void aDeletedChainHeadIsDetected() {
    AuditChain.Verification verification = tampered(
        () -> jdbc.update("delete from audit_chain_head where id = ?", AuditChain.STRANDS));
    assertThat(verification.intact()).isFalse();
    assertThat(verification.reason()).contains("先頭が削除されています");
  }

  /**
   * Two transactions that record at once take different strands and neither waits for the other; a transaction
   * keeps its strand for all its records; the tampering of a record of the second strand is detected like any other.
   */
  @Test
  void concurrentRecordingTakesAnotherStrandWithoutWaiting() throws Exception {
    TransactionTemplate transaction = new TransactionTemplate(transactionManager);
    java.util.concurrent.CountDownLatch firstHolds = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch secondDone = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      java.util.concurrent.Future<Long> first = threads.submit(() -> transaction.execute(status -> {
        recorder.record(entry("first transaction, first record"));
        recorder.record(entry("first transaction, second record"));
        firstHolds.countDown();
        try {
          secondDone.await(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return secondDone.getCount();
      }));
      if (!firstHolds.await(30, java.util.concurrent.TimeUnit.SECONDS)) {
        first.get(1, java.util.concurrent.TimeUnit.SECONDS);
      }
      java.util.concurrent.Future<?> second = threads.submit(() -> transaction.executeWithoutResult(status -> {
        recorder.record(entry("second transaction"));
      }));
      // the second one commits while the first still holds its strand
      second.get(20, java.util.concurrent.TimeUnit.SECONDS);
      secondDone.countDown();
      assertThat(first.get(30, java.util.concurrent.TimeUnit.SECONDS)).isZero();
    } finally {
      threads.shutdownNow();
    }
    java.util.List<Integer> firstStrands = jdbc.queryForList("select chain_strand from audit_record where comment"
        + " like 'first transaction%' order by id desc fetch first 2 rows only", Integer.class);
    int secondStrand = jdbc.queryForObject("select chain_strand from audit_record where comment = 'second transaction'"
        + " order by id desc fetch first 1 rows only", Integer.class);
    assertThat(firstStrands).hasSize(2);
    assertThat(firstStrands.get(0)).isEqualTo(firstStrands.get(1));
    assertThat(secondStrand).isNotEqualTo(firstStrands.get(0));
    AuditChain.Verification untouched = chain.verify();
    assertThat(untouched.intact()).as(untouched.reason()).isTrue();
    long second = jdbc.queryForObject("select max(id) from audit_record where comment = 'second transaction'",
        Long.class);
    AuditChain.Verification changed = tampered(
        () -> jdbc.update("update audit_record set actor = 'tanaka' where id = ?", second));
    assertThat(changed.brokenAtId()).isEqualTo(second);
    AuditChain.Verification deleted = tampered(() -> jdbc.update("delete from audit_record where id = ?", second));
    assertThat(deleted.intact()).isFalse();
  }

  private AuditEntry entry(String comment) {
    return AuditEntry.event("chainTest", "chainTest", "連鎖の試験", AuditStepKind.ORGANISATION).by(DemoOrganisation.SYSTEM_ADMINISTRATOR, "鈴木")
        .principal(DemoOrganisation.SYSTEM_ADMINISTRATOR).outcome(Outcome.RECORDED).comment(comment).build();
  }

  @Test
  void onlyAuditorsReadTheVerification() {
    assertThat(rest.getForEntity("/api/audit/verification", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.withBasicAuth(DemoOrganisation.DESIGN_EMPLOYEE, DemoOrganisation.PASSWORD).getForEntity("/api/audit/verification", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> auditor = rest.withBasicAuth(DemoOrganisation.AUDIT_OFFICER, DemoOrganisation.PASSWORD)
        .getForEntity("/api/audit/verification", String.class);
    assertThat(auditor.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(auditor.getBody()).contains("\"intact\":true");
  }

  /** Tampers through JDBC inside a transaction that is rolled back, so the shared database stays intact. */
  private AuditChain.Verification tampered(Runnable tampering) {
    TransactionTemplate transaction = new TransactionTemplate(transactionManager);
    return transaction.execute(status -> {
      tampering.run();
      AuditChain.Verification verification = chain.verify();
      status.setRollbackOnly();
      return verification;
    });
  }

  private long middleRecord() {
    return jdbc.queryForObject("select max(id) - 1 from audit_record", Long.class);
  }

  private long count() {
    return jdbc.queryForObject("select count(*) from audit_record", Long.class);
  }
}
