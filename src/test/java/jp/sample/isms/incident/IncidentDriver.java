package jp.sample.isms.incident;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;

import jp.sample.isms.support.Requests;
import jp.sample.isms.support.DemoOrganisation;

/** Reports incidents and takes their steps as the demo organisation's responders do. */
final class IncidentDriver {

  static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
  static final LocalDate TODAY = LocalDate.now(JAPAN);

  /** Who takes a step offered to a group in the demo organisation. */
  static final Map<String, String> HOLDER = Map.of("president", DemoOrganisation.SECURITY_OFFICER, "security-officer", DemoOrganisation.SECURITY_OFFICER,
      "incident-officer", DemoOrganisation.INCIDENT_OFFICER, "system-administrator", DemoOrganisation.SYSTEM_ADMINISTRATOR, "education-officer", DemoOrganisation.EDUCATION_OFFICER,
      "department-head.manufacturing", DemoOrganisation.INCIDENT_OFFICER, "department-head.general-affairs", DemoOrganisation.GENERAL_AFFAIRS_HEAD,
      "department-head.development", DemoOrganisation.DEVELOPMENT_HEAD);

  private final ProcessEngine engine;
  private final Requests requests;
  private final JdbcTemplate jdbc;

  IncidentDriver(ProcessEngine engine, JdbcTemplate jdbc) {
    this.engine = engine;
    this.jdbc = jdbc;
    this.requests = new Requests(engine);
  }

  Requests requests() {
    return requests;
  }

  /** kobayashi's lost USB stick with the customer list (9.4.1, level 3). */
  static Map<String, Object> lostUsbStickWithCustomerData() {
    Map<String, Object> report = new HashMap<>();
    report.put("summary", "顧客名簿 (氏名・住所・電話番号) を保存した USB メモリを帰宅途中の電車内で紛失した");
    report.put("discoveredAt", TODAY.toString());
    report.put("incidentKind", "LEAK");
    report.put("assetIds", "IA-0008");
    report.put("personalData", true);
    report.put("customersAffected", true);
    report.put("actionsTaken", "鉄道会社の忘れ物センターに問い合わせ済み");
    return report;
  }

  static Map<String, Object> report(String kind, String... flags) {
    Map<String, Object> report = new HashMap<>();
    report.put("summary", "テスト用の報告: " + kind);
    report.put("discoveredAt", TODAY.toString());
    if (kind != null) {
      report.put("incidentKind", kind);
    }
    for (String flag : flags) {
      report.put(flag, true);
    }
    return report;
  }

  ProcessInstance report(String user, Map<String, Object> report) {
    return requests.file(user, IncidentProcess.KEY, report);
  }

  List<Task> tasks(ProcessInstance instance, String activityId) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(activityId).list();
  }

  Task task(ProcessInstance instance, String activityId) {
    List<Task> tasks = tasks(instance, activityId);
    if (tasks.size() != 1) {
      throw new AssertionError("expected one task at " + activityId + ", found " + tasks.size());
    }
    return tasks.get(0);
  }

  List<String> candidateGroups(Task task) {
    return requests.candidateGroups(task);
  }

  String holder(Task task) {
    String group = candidateGroups(task).get(0);
    String user = HOLDER.get(group);
    if (user == null) {
      throw new AssertionError("no demo holder for " + group);
    }
    return user;
  }

  /** Claims and completes the task as {@code user}. */
  void complete(String user, Task task, Map<String, Object> variables) {
    requests.as(user, () -> {
      if (task.getAssignee() == null) {
        engine.getTaskService().claim(task.getId(), user);
      }
      engine.getFormService().submitTaskForm(task.getId(), variables);
      return null;
    });
  }

  /** Every responder acknowledges. */
  void acknowledgeAll(ProcessInstance instance) {
    for (Task task : tasks(instance, IncidentProcess.TASK_ACKNOWLEDGE)) {
      complete(holder(task), task, Map.of("comment", "受領しました"));
    }
  }

  void confirmLevel(ProcessInstance instance) {
    Task task = task(instance, IncidentProcess.TASK_CONFIRM_LEVEL);
    String level = (String) engine.getTaskService().getVariable(task.getId(), IncidentProcess.LEVEL);
    complete(holder(task), task, Map.of(IncidentProcess.LEVEL, level));
  }

  Object variable(Task task, String name) {
    return engine.getTaskService().getVariable(task.getId(), name);
  }

  /** Every open step of the procedure done by the holder of its role, filings with their date, office and number. */
  void carryOutProcedure(ProcessInstance instance) {
    for (Task task : tasks(instance, IncidentProcess.TASK_CARRY_OUT_STEP)) {
      complete(holder(task), task, done(task));
    }
    for (Task task : tasks(instance, IncidentProcess.TASK_RECOVER_TARGET)) {
      complete(holder(task), task, Map.of(IncidentProcess.RECOVERY_RESULT, "保守会社に連絡し、当日中に復旧した"));
    }
  }

  Map<String, Object> done(Task task) {
    Map<String, Object> values = new HashMap<>();
    values.put(IncidentProcess.STEP_OUTCOME, IncidentProcess.DONE);
    values.put(IncidentProcess.STEP_EVIDENCE, "実施済み: " + variable(task, IncidentProcess.STEP_TEXT));
    String filing = (String) variable(task, IncidentProcess.STEP_FILING);
    if (filing != null && !filing.isEmpty()) {
      values.put(IncidentProcess.FILED_ON, TODAY.toString());
      values.put(IncidentProcess.FILING_OFFICE, filing.equals("POLICE") ? "○○県警察本部 サイバー犯罪相談窓口"
          : "個人情報保護委員会");
      values.put(IncidentProcess.FILING_REFERENCE, "REF-" + filing);
    }
    return values;
  }

  static Map<String, Object> closure(boolean publicationDone) {
    Map<String, Object> values = new HashMap<>();
    values.put(IncidentProcess.CAUSE, "USB メモリの持ち歩き");
    values.put(IncidentProcess.MEASURES_TAKEN, "顧客への謝罪と連絡、問い合わせ窓口の設置");
    values.put(IncidentProcess.RECURRENCE_PREVENTION, "顧客情報の USB メモリへの保存を禁止し、暗号化 USB に限定");
    values.put(IncidentProcess.PUBLICATION_DONE, publicationDone);
    return values;
  }

  void reportClosure(ProcessInstance instance, Map<String, Object> closure) {
    Task task = task(instance, IncidentProcess.TASK_REPORT_CLOSURE);
    complete(holder(task), task, closure);
  }

  void decide(ProcessInstance instance, String activityId, String decision) {
    Task task = task(instance, activityId);
    Map<String, Object> values = new HashMap<>();
    values.put("decision", decision);
    if (!"APPROVED".equals(decision)) {
      values.put("decisionComment", "再発防止策を具体的にしてください");
    }
    complete(holder(task), task, values);
  }

  /** Forgets the rows of the register the test entered, as the other tests of the shared context expect. */
  void forget(String incidentNumber) {
    jdbc.update("delete from incident_step where incident_number = ?", incidentNumber);
    jdbc.update("delete from incident_register where incident_number = ?", incidentNumber);
  }
}
