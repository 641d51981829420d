package jp.sample.isms.support;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import jp.sample.isms.audit.AuditEntry;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.audit.AuditStepKind;
import jp.sample.isms.audit.Labelled;
import jp.sample.isms.audit.Outcome;
import jp.sample.isms.audit.RecordFlag;
import jp.sample.isms.organisation.Role;

/** A request whose decision record holds every code an auditor may meet, for the tests of the auditor's words. */
public final class RecordVocabulary {

  private RecordVocabulary() {
  }

  /** Every acting role a record may name. */
  public static List<String> actingRoles() {
    List<String> roles = new ArrayList<>(List.of(AuditEntry.REQUESTER, AuditEntry.SYSTEM, AuditEntry.ADMINISTRATOR));
    for (Role role : Role.values()) {
      roles.add(role.name());
    }
    return roles;
  }

  /** Every stored code of the record's coded columns (outcome, kind of step, flags) and every acting role. */
  public static List<String> everyCode() {
    List<String> codes = new ArrayList<>(actingRoles());
    for (Labelled[] values : List.<Labelled[]>of(Outcome.values(), AuditStepKind.values(), RecordFlag.values())) {
      for (Labelled code : values) {
        codes.add(code.code());
      }
    }
    return codes;
  }

  /** How many records one request gets: its search index holds the outcomes of a request in 500 characters. */
  private static final int PER_REQUEST = 16;

  /**
   * yamamoto's take-outs whose records hold, besides their filings, one record of every outcome and of every kind of
   * step, with every acting role and both four-eyes flags (a few requests, a share each). Returns their numbers.
   */
  public static List<String> requestsWithEveryKindOfRecord(ProcessEngine engine, AuditRecorder recorder,
      PlatformTransactionManager transactionManager) {
    List<String> roles = actingRoles();
    Outcome[] outcomes = Outcome.values();
    AuditStepKind[] kinds = AuditStepKind.values();
    RecordFlag[] flags = RecordFlag.values();
    int count = Math.max(Math.max(outcomes.length, kinds.length), roles.size());
    List<String> keys = new ArrayList<>();
    for (int from = 0; from < count; from += PER_REQUEST) {
      ProcessInstance instance = new Requests(engine).file(DemoOrganisation.DESIGN_EMPLOYEE, "takeOut", Requests.internalLaptopTakeOut());
      String key = instance.getBusinessKey();
      int first = from;
      new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
        for (int i = first; i < Math.min(count, first + PER_REQUEST); i++) {
          recorder.record(AuditEntry.step(key, instance.getId(), "takeOut", "UserTask_ApproveTakeOut", "承認する",
                  kinds[i % kinds.length])
              .by(DemoOrganisation.DEVELOPMENT_HEAD, "伊藤 直樹").actingAs(roles.get(i % roles.size())).requester(DemoOrganisation.DESIGN_EMPLOYEE)
              .outcome(outcomes[i % outcomes.length]).flag(i % 3 == 2 ? null : flags[i % 3 % flags.length])
              .comment("語彙の確認 " + i).clauses("3.2").build());
        }
      });
      keys.add(key);
    }
    return keys;
  }
}
