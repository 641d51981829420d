package jp.sample.isms.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.approval.RequestValidationException;
import jp.sample.isms.audit.AuditEntry;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.organisation.AccountStates;
import jp.sample.isms.organisation.OrganisationService;
import jp.sample.isms.organisation.Person;
import jp.sample.isms.periodicduty.EducationRegister;
import jp.sample.isms.support.Requests;
import jp.sample.isms.support.TemporaryPersons;
import jp.sample.isms.support.DemoOrganisation;

/**
 * bpmn/onboarding.bpmn (2.1, 2.4, 5.1.9): the joiner's path on the real engine with the demo organisation, the
 * undertaking required before the account, the account requests filed through the normal start path, and who may
 * file (also over REST).
 */
@IsmsSpringBootTest
class OnboardingProcessTest {

  static final String PERSON = "on-newcomer";
  static final String PASSWORD = DemoOrganisation.PASSWORD;
  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));
  static final byte[] PDF = "%PDF-1.4\n% signed undertaking\n".getBytes(StandardCharsets.US_ASCII);

  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  AuditRecorder audit;
  @Autowired
  OrganisationService organisation;
  @Autowired
  AccountStates accounts;
  @Autowired
  TestRestTemplate rest;
  @Autowired
  EducationRegister education;

  Requests requests;

  @BeforeEach
  void setUp() {
    requests = new Requests(engine);
  }

  @AfterEach
  void tearDown() {
    engine.getRuntimeService().createProcessInstanceQuery().variableValueEquals("targetUserId", PERSON).list()
        .forEach(p -> engine.getRuntimeService().deleteProcessInstance(p.getId(), "test"));
    if (engine.getIdentityService().createUserQuery().userId(PERSON).count() > 0) {
      TemporaryPersons.remove(engine.getIdentityService(), jdbc, PERSON);
    }
    jdbc.update("delete from education_attendance where user_id = ?", PERSON);
  }

  static Map<String, Object> joiner(String userId, String department) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("newUserId", userId);
    variables.put("lastName", "新人");
    variables.put("firstName", "花子");
    variables.put("email", userId + "@sample-printing.example");
    variables.put("departmentCode", department);
    variables.put("hireDate", TODAY.toString());
    variables.put("needsFileServer", true);
    variables.put("needsInternalMail", true);
    variables.put("accessRights", "設計部共有フォルダー 読み取り・書き込み");
    // an asset of the register the department may use (5.1.1, 3.1.4)
    variables.put("assetIds", "manufacturing".equals(department) ? "IA-0008" : "IA-0001");
    variables.put("undertakingSigned", true);
    return variables;
  }

  List<String> candidateGroups(ProcessInstance instance) {
    return engine.getTaskService().getIdentityLinksForTask(requests.task(instance).getId()).stream()
        .map(IdentityLink::getGroupId).filter(g -> g != null).toList();
  }

  ResponseEntity<String> attach(String user, String businessKey, byte[] content) {
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("kind", OnboardingDocuments.UNDERTAKING);
    HttpHeaders part = new HttpHeaders();
    part.setContentType(MediaType.APPLICATION_PDF);
    form.add("file", new HttpEntity<>(new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return "誓約書.pdf";
      }
    }, part));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return rest.withBasicAuth(user, PASSWORD).exchange("/api/requests/" + businessKey + "/attachments",
        HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
  }

  @Test
  void theDepartmentHeadFilesTheUndertakingIsAttachedTheAccountAndAccountRequestsAreMadeAndTheTrainingRecorded() {
    // given the head of 開発設計部 files for a joiner of the department
    ProcessInstance instance = requests.file(DemoOrganisation.DEVELOPMENT_HEAD, OnboardingProcess.KEY, joiner(PERSON, "development"));
    assertThat(instance.getBusinessKey()).matches("ON-\\d{4}-\\d{4}");
    assertThat(instance).isWaitingAt(OnboardingProcess.TASK_ATTACH_UNDERTAKING);
    assertThat(requests.task(instance).getAssignee()).isEqualTo(DemoOrganisation.DEVELOPMENT_HEAD);

    // when the step is completed without the signed undertaking, it is refused (2.1)
    assertThatThrownBy(() -> requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, Map.of("undertakingAttached", true)))
        .isInstanceOf(RequestValidationException.class).hasMessageContaining("2.1: 署名済みの秘密保持誓約書が添付されていません");
    assertThat(instance).isWaitingAt(OnboardingProcess.TASK_ATTACH_UNDERTAKING);

    // when it is attached and the step completed
    ResponseEntity<String> attached = attach(DemoOrganisation.DEVELOPMENT_HEAD, instance.getBusinessKey(), PDF);
    assertThat(attached.getStatusCode()).as(attached.getBody()).isEqualTo(HttpStatus.CREATED);
    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, Map.of("undertakingAttached", true));

    // then the system administrator checks it and creates the account
    assertThat(instance).isWaitingAt(OnboardingProcess.TASK_CREATE_ACCOUNT);
    assertThat(candidateGroups(instance)).containsExactly("system-administrator");
    assertThat(engine.getIdentityService().createUserQuery().userId(PERSON).count()).isZero();
    requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance, Map.of("undertakingChecked", true, "comment", "原本を確認"));

    // then the person has an account without a password, is an employee of the department (5.1.9) …
    Person person = organisation.person(PERSON).orElseThrow();
    assertThat(person.employee()).isTrue();
    assertThat(person.departmentCode()).isEqualTo("development");
    assertThat(organisation.members("employees")).contains(PERSON);
    assertThat(jdbc.queryForObject("select PWD_ from ACT_ID_USER where ID_ = ?", String.class, PERSON)).isNull();
    // … and an account request for each system needed is filed by the administrator, through the start path, once
    // the account is committed (the job executor continues there)
    assertThat(instance).isWaitingAt(OnboardingProcess.TASK_FILE_ACCOUNT_REQUESTS);
    engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
        .processInstanceId(instance.getId()).activityId(OnboardingProcess.TASK_FILE_ACCOUNT_REQUESTS).singleResult()
        .getId());
    List<ProcessInstance> accountRequests = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("accountRequest").variableValueEquals("targetUserId", PERSON).list();
    assertThat(accountRequests).hasSize(2).allSatisfy(ar -> {
      assertThat(ar.getBusinessKey()).matches("AR-\\d{4}-\\d{4}");
      assertThat(engine.getRuntimeService().getVariable(ar.getId(), "requester")).isEqualTo(DemoOrganisation.SYSTEM_ADMINISTRATOR);
      assertThat(engine.getRuntimeService().getVariable(ar.getId(), "requestType")).isEqualTo("CREATE");
    });
    assertThat(accountRequests).extracting(ar -> engine.getRuntimeService().getVariable(ar.getId(), "system"))
        .containsExactlyInAnyOrder("FILE_SERVER", "INTERNAL_MAIL");
    accountRequests.forEach(ar -> assertThat(audit.forBusinessKey(ar.getBusinessKey())).extracting(AuditEntry::outcome)
        .startsWith("FILED").doesNotContain("REFUSED"));

    // then the education officer conducts the initial training
    assertThat(instance).isWaitingAt(OnboardingProcess.TASK_CONDUCT_TRAINING);
    assertThat(candidateGroups(instance)).containsExactly("education-officer");
    requests.complete(DemoOrganisation.HR_HEAD, instance, Map.of("trainedOn", TODAY.toString(), "trainingContent",
        "情報管理規程の説明 (教育資料 2026年版)", "regulationExplained", true, "importanceExplained", true));

    assertThat(instance).isEnded().hasPassedInOrder(OnboardingProcess.TASK_ATTACH_UNDERTAKING,
        OnboardingProcess.TASK_CREATE_ACCOUNT, OnboardingProcess.TASK_CREATE_PRODUCT_ACCOUNT,
        OnboardingProcess.TASK_FILE_ACCOUNT_REQUESTS, OnboardingProcess.TASK_CONDUCT_TRAINING,
        OnboardingProcess.TASK_RECORD_TRAINING, OnboardingProcess.END_ONBOARDED);
    Map<String, Object> row = jdbc.queryForMap("select * from onboarding_register where business_key = ?",
        instance.getBusinessKey());
    assertThat(row).containsEntry("USER_ID", PERSON).containsEntry("REQUESTER", DemoOrganisation.DEVELOPMENT_HEAD)
        .containsEntry("ACCOUNT_CREATED_BY", DemoOrganisation.SYSTEM_ADMINISTRATOR).containsEntry("TRAINED_BY", DemoOrganisation.HR_HEAD);
    assertThat((String) row.get("UNDERTAKING_SHA256")).hasSize(64);
    // the training at hiring is in the 教育実施記録: the new person's history starts with it and they count as trained
    // this year (2.4)
    assertThat(education.history(PERSON)).singleElement().satisfies(attendance -> {
      assertThat(attendance.businessKey()).isEqualTo(instance.getBusinessKey());
      assertThat(attendance.sessionDate()).isEqualTo(TODAY);
      assertThat(attendance.attended()).isTrue();
      assertThat(attendance.recordedBy()).isEqualTo(DemoOrganisation.HR_HEAD);
      assertThat(attendance.topic()).contains("入社時教育", "情報管理規程の説明");
    });
    assertThat(education.untrained(TODAY.minusDays(1), TODAY)).doesNotContain(PERSON);
    assertThat((String) row.get("ACCOUNT_REQUESTS")).contains(accountRequests.get(0).getBusinessKey());
    ResponseEntity<String> registerPage = rest.withBasicAuth(DemoOrganisation.PRODUCTION_CHIEF, PASSWORD)
        .getForEntity("/api/audit/registers/onboardings?userId=" + PERSON, String.class);
    assertThat(registerPage.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(registerPage.getBody()).contains(instance.getBusinessKey());
    assertThat(audit.forBusinessKey(instance.getBusinessKey())).extracting(AuditEntry::outcome)
        .contains("FILED", "ACCOUNT_CREATED", "ACCOUNT_REQUESTS_FILED");

    // the one-time password the administrator then issues must be changed at the first login (5.1.8)
    ResponseEntity<String> otp = rest.withBasicAuth(DemoOrganisation.SYSTEM_ADMINISTRATOR, PASSWORD)
        .postForEntity("/api/accounts/" + PERSON + "/one-time-password", null, String.class);
    assertThat(otp.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(accounts.mustChangePassword(PERSON)).isTrue();
  }

  @Test
  void onlyTheHeadOfHrOrOfTheJoiningDepartmentFilesForANewNonGuestUser() {
    long before = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(OnboardingProcess.KEY).count();
    // an employee, and the head of another department
    for (String user : List.of(DemoOrganisation.PRODUCTION_EMPLOYEE, DemoOrganisation.MANUFACTURING_HEAD)) {
      assertThatThrownBy(() -> requests.file(user, OnboardingProcess.KEY, joiner(PERSON, "development")))
          .isInstanceOf(RequestValidationException.class)
          .hasMessageContaining("2.1: 入社手続きは人事部の部門責任者又は配属先の部門責任者が申請します");
    }
    // a user id that exists, a guest-like one, systems without rights
    assertThatThrownBy(() -> requests.file(DemoOrganisation.DEVELOPMENT_HEAD, OnboardingProcess.KEY, joiner(DemoOrganisation.DESIGN_EMPLOYEE, "development")))
        .isInstanceOf(RequestValidationException.class).hasMessageContaining("既に登録されているユーザーID");
    assertThatThrownBy(() -> requests.file(DemoOrganisation.DEVELOPMENT_HEAD, OnboardingProcess.KEY, joiner("guest01", "development")))
        .isInstanceOf(RequestValidationException.class).hasMessageContaining("5.1.8");
    Map<String, Object> noRights = joiner(PERSON, "development");
    noRights.remove("accessRights");
    assertThatThrownBy(() -> requests.file(DemoOrganisation.DEVELOPMENT_HEAD, OnboardingProcess.KEY, noRights))
        .isInstanceOf(RequestValidationException.class).hasMessageContaining("accessRights");
    // file-server rights without an asset of the register, or for an asset the department may not use
    Map<String, Object> noAssets = joiner(PERSON, "development");
    noAssets.remove("assetIds");
    assertThatThrownBy(() -> requests.file(DemoOrganisation.DEVELOPMENT_HEAD, OnboardingProcess.KEY, noAssets))
        .isInstanceOf(RequestValidationException.class).hasMessageContaining("5.1.1").hasMessageContaining("assetIds");
    Map<String, Object> otherScope = joiner(PERSON, "development");
    otherScope.put("assetIds", "IA-0008");
    assertThatThrownBy(() -> requests.file(DemoOrganisation.DEVELOPMENT_HEAD, OnboardingProcess.KEY, otherScope))
        .isInstanceOf(RequestValidationException.class).hasMessageContaining("3.1.4");
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(OnboardingProcess.KEY).count()).isEqualTo(before);
    assertThat(engine.getIdentityService().createUserQuery().userId(PERSON).count()).isZero();

    // the head of HR files for any department
    ProcessInstance byHr = requests.file(DemoOrganisation.HR_HEAD, OnboardingProcess.KEY, joiner(PERSON, "manufacturing"));
    assertThat(byHr).isWaitingAt(OnboardingProcess.TASK_ATTACH_UNDERTAKING);
    engine.getRuntimeService().deleteProcessInstance(byHr.getId(), "test");
  }

  @Test
  void anEmployeeFilingOverRestIsRefusedWith400AndNothingIsCreated() {
    Map<String, Object> variables = new LinkedHashMap<>();
    joiner(PERSON, "development").forEach((name, value) -> variables.put(name, Map.of("value", value,
        "type", value instanceof Boolean ? "Boolean" : "String")));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    long before = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(OnboardingProcess.KEY).count();

    ResponseEntity<String> response = rest.withBasicAuth(DemoOrganisation.DESIGN_EMPLOYEE, PASSWORD).exchange(
        "/engine-rest/process-definition/key/onboarding/submit-form", HttpMethod.POST,
        new HttpEntity<>(Map.of("variables", variables), headers), String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).contains("2.1");
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(OnboardingProcess.KEY).count()).isEqualTo(before);
    assertThat(engine.getIdentityService().createUserQuery().userId(PERSON).count()).isZero();
  }
}
