package jp.sample.isms.offboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.approval.RequestValidationException;
import jp.sample.isms.audit.AuditEntry;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.organisation.AccountStates;
import jp.sample.isms.organisation.OrganisationImporter;
import jp.sample.isms.support.Requests;
import jp.sample.isms.support.TemporaryPersons;
import jp.sample.isms.support.DemoOrganisation;

/**
 * bpmn/offboarding.bpmn (2.3, 5.1.7): the leaver's path on the real engine with the demo organisation — returns from
 * the registers confirmed by the department head, a deletion request per active account, the product account disabled
 * when the timer of the last working day is fired by hand — and who may file (also over REST). The leaver is a
 * member of 開発設計部 (head: ito) added for each test.
 */
@IsmsSpringBootTest
class OffboardingProcessTest {

  static final String PERSON = "of-leaver";
  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));

  @Autowired
  ProcessEngine engine;
  @Autowired
  OrganisationImporter importer;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  AuditRecorder audit;
  @Autowired
  AccountStates accounts;
  @Autowired
  TestRestTemplate rest;

  Requests requests;
  long outboxMark;

  @BeforeEach
  void setUp() {
    requests = new Requests(engine);
    TemporaryPersons.add(importer, PERSON, "development");
    outboxMark = jdbc.queryForObject("select coalesce(max(id), 0) from mail_outbox", Long.class);
  }

  @AfterEach
  void tearDown() {
    for (String variable : List.of("targetUserId", "requester")) {
      engine.getRuntimeService().createProcessInstanceQuery().variableValueEquals(variable, PERSON).list()
          .forEach(p -> engine.getRuntimeService().deleteProcessInstance(p.getId(), "test"));
    }
    jdbc.update("delete from account_register where user_id = ?", PERSON);
    TemporaryPersons.remove(engine.getIdentityService(), jdbc, PERSON);
  }

  static Map<String, Object> leaving(String target, LocalDate lastWorkingDay) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("targetUserId", target);
    variables.put("lastWorkingDay", lastWorkingDay.toString());
    variables.put("otherItemsToReturn", "社員証、書庫の鍵");
    variables.put("reason", "自己都合退職");
    return variables;
  }

  List<String> mailsTo(String userId) {
    return jdbc.queryForList("select subject || chr(10) || body_text from mail_outbox where id > ? and recipient = ?"
        + " order by id", String.class, outboxMark, userId);
  }

  @Test
  void hrFilesTheHeadConfirmsTheReturnsDeletionsAreFiledAndTheAccountIsDisabledAtTheEndOfTheLastDay() {
    // given the leaver has a file server account and a take-out approved but not returned
    jdbc.update("insert into account_register (user_id, system_code, account_id, status, created_at) "
        + "values (?, 'FILE_SERVER', ?, 'ACTIVE', current_timestamp)", PERSON, PERSON);
    ProcessInstance takeOut = requests.file(PERSON, "takeOut", Requests.internalLaptopTakeOut(DemoOrganisation.DESIGN_EMPLOYEE));
    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, takeOut, Map.of("decision", "APPROVED", "decisionComment", ""));
    assertThat(requests.task(takeOut).getAssignee()).isEqualTo(PERSON);

    // when the head of HR files the offboarding
    ProcessInstance instance = requests.file(DemoOrganisation.HR_HEAD, OffboardingProcess.KEY, leaving(PERSON, TODAY));
    assertThat(instance.getBusinessKey()).matches("OF-\\d{4}-\\d{4}");

    // then the returns are listed from the registers and the requester, for the head of the leaver's department
    assertThat(instance).isWaitingAt(OffboardingProcess.TASK_CONFIRM_RETURNS,
        OffboardingProcess.EVENT_END_OF_LAST_WORKING_DAY);
    String confirm = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult()
        .getId();
    assertThat(requests.candidateGroups(confirm)).containsExactly("department-head.development");
    assertThat((String) engine.getRuntimeService().getVariable(instance.getId(), "returnItems"))
        .contains("未返却の持ち出し " + takeOut.getBusinessKey()).contains("社員証、書庫の鍵");
    assertThat((String) engine.getRuntimeService().getVariable(instance.getId(), "accountsToDelete"))
        .contains("FILE_SERVER " + PERSON);

    // when the head confirms the returns and the explanation of 2.3
    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, Map.of("allItemsReturned", true, "confidentialityReminded", true,
        "returnNote", "ノートPCと社員証を受領"));

    // then a deletion of the file server account is filed by the head, unneeded after the last working day
    ProcessInstance deletion = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("accountRequest").variableValueEquals("targetUserId", PERSON).singleResult();
    assertThat(deletion).isWaitingAt("UserTask_DisableAccount");
    assertThat(engine.getRuntimeService().getVariables(deletion.getId())).containsEntry("requester", DemoOrganisation.DEVELOPMENT_HEAD)
        .containsEntry("requestType", "DELETE").containsEntry("system", "FILE_SERVER")
        .containsEntry("unneededDate", TODAY.toString());
    assertThat(accounts.isDisabled(PERSON)).isFalse();

    // when the end of the last working day comes
    requests.fireTimer(instance, OffboardingProcess.EVENT_END_OF_LAST_WORKING_DAY);

    // then the product account is disabled, and the head is told of the step the leaver still held as requester
    assertThat(accounts.isDisabled(PERSON)).isTrue();
    assertThat(instance).isEnded().hasPassed(OffboardingProcess.TASK_LIST_RETURNS,
        OffboardingProcess.TASK_CONFIRM_RETURNS, OffboardingProcess.TASK_FILE_ACCOUNT_DELETIONS,
        OffboardingProcess.EVENT_END_OF_LAST_WORKING_DAY, OffboardingProcess.TASK_DISABLE_PRODUCT_ACCOUNT,
        OffboardingProcess.END_OFFBOARDED);
    assertThat(mailsTo(DemoOrganisation.DEVELOPMENT_HEAD)).anySatisfy(mail -> assertThat(mail).contains("退職者の申請")
        .contains(takeOut.getBusinessKey()));
    Map<String, Object> row = jdbc.queryForMap("select * from offboarding_register where business_key = ?",
        instance.getBusinessKey());
    assertThat(row).containsEntry("USER_ID", PERSON).containsEntry("REQUESTER", DemoOrganisation.HR_HEAD)
        .containsEntry("RETURNS_CONFIRMED_BY", DemoOrganisation.DEVELOPMENT_HEAD).containsEntry("ACCOUNT_REQUESTS", deletion.getBusinessKey());
    assertThat(row.get("ACCOUNT_DISABLED_AT")).isNotNull();
    assertThat((String) row.get("HANDED_OVER_STEPS")).contains(takeOut.getBusinessKey());
    ResponseEntity<String> registerPage = rest.withBasicAuth(DemoOrganisation.PRODUCTION_CHIEF, DemoOrganisation.PASSWORD)
        .getForEntity("/api/audit/registers/offboardings?userId=" + PERSON, String.class);
    assertThat(registerPage.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(registerPage.getBody()).contains(instance.getBusinessKey());
    assertThat(audit.forBusinessKey(instance.getBusinessKey())).extracting(AuditEntry::outcome)
        .containsExactly("FILED", "DONE", "ACCOUNT_REQUESTS_FILED", "HANDED_OVER");
    assertThat(jdbc.queryForObject("select count(*) from audit_record where outcome = 'ACCOUNT_DISABLED' "
        + "and requester = ?", Integer.class, PERSON)).isEqualTo(1);
  }

  @Test
  void onlyTheHeadOfHrOrOfThePersonsDepartmentFilesNeverThePersonAndNotForAPastDay() {
    long before = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(OffboardingProcess.KEY).count();
    for (String user : List.of(DemoOrganisation.DESIGN_EMPLOYEE, DemoOrganisation.MANUFACTURING_HEAD)) {
      assertThatThrownBy(() -> requests.file(user, OffboardingProcess.KEY, leaving(PERSON, TODAY)))
          .isInstanceOf(RequestValidationException.class)
          .hasMessageContaining("2.3: 退職手続きは人事部の部門責任者又は本人の部門責任者が申請します");
    }
    assertThatThrownBy(() -> requests.file(DemoOrganisation.DEVELOPMENT_HEAD, OffboardingProcess.KEY, leaving(DemoOrganisation.DEVELOPMENT_HEAD, TODAY)))
        .isInstanceOf(RequestValidationException.class).hasMessageContaining("2.3");
    assertThatThrownBy(() -> requests.file(DemoOrganisation.DEVELOPMENT_HEAD, OffboardingProcess.KEY, leaving(PERSON, TODAY.minusDays(1))))
        .isInstanceOf(RequestValidationException.class).hasMessageContaining("lastWorkingDay");
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(OffboardingProcess.KEY).count()).isEqualTo(before);
    assertThat(accounts.isDisabled(PERSON)).isFalse();
  }

  @Test
  void anEmployeeFilingOverRestIsRefusedWith400AndNothingChanges() {
    Map<String, Object> variables = new LinkedHashMap<>();
    leaving(PERSON, TODAY).forEach((name, value) -> variables.put(name, Map.of("value", value, "type", "String")));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    long before = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(OffboardingProcess.KEY).count();

    ResponseEntity<String> response = rest.withBasicAuth(DemoOrganisation.PRODUCTION_EMPLOYEE, DemoOrganisation.PASSWORD).exchange(
        "/engine-rest/process-definition/key/offboarding/submit-form", HttpMethod.POST,
        new HttpEntity<>(Map.of("variables", variables), headers), String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).contains("2.3");
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(OffboardingProcess.KEY).count()).isEqualTo(before);
    assertThat(accounts.isDisabled(PERSON)).isFalse();
  }
}
