package jp.sample.isms.ui;

import static jp.sample.isms.ui.BrowserSteps.field;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.support.Requests;
import jp.sample.isms.support.RestCalls;
import jp.sample.isms.support.DemoOrganisation;

/**
 * プロセス設計 (1.4) in Debian's headless Chromium: the process owner suzuki opens {@code takeOutApprover.dmn} on the
 * page, lets the section chief approve INTERNAL take-outs, sees the difference in the dry run and proposes it; she
 * cannot approve her own proposal; the security officer tanaka approves it in Tasklist; then a new take-out of an
 * INTERNAL asset goes to the requester's section chief and its decision record carries the new regulation revision.
 * A proposal of several files: the table and the take-out approval form edited together (a third file opened and
 * taken out of the draft again), checked and tried together, approved by tanaka and deployed together as edited
 * (beside them, unchanged, the flow that binds them from its own deployment).
 * A user who is no process owner gets 403 for the page and its API. Tagged "browser".
 */
@Tag("browser")
@IsmsSpringBootTest
class DesignWorkbenchBrowserIT {

  static final String DECISION = "takeOutApprover";
  static final String INTERNAL_RULE = "Rule_InternalByDepartmentHead";

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  RepositoryService repositoryService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  HistoryService historyService;
  @Autowired
  JdbcTemplate jdbc;

  WebDriver browser;
  WebDriverWait wait;
  BrowserSteps steps;
  RestCalls rest;

  int decisionVersionBefore;
  String proposal;
  ProcessInstance takeOut;

  @BeforeEach
  void openBrowser() {
    ChromeDriver chrome = Chromium.start(Chromium.options());
    DocumentationImages.fixWindow(chrome);
    browser = chrome;
    wait = new WebDriverWait(browser, Duration.ofSeconds(90));
    steps = new BrowserSteps(browser, wait, base());
    rest = new RestCalls(base(), Duration.ofSeconds(30));
    decisionVersionBefore = latestDecision().getVersion();
  }

  /** The approved table is taken back out, so that the other tests find the repository's table in force. */
  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
    if (takeOut != null && runtimeService.createProcessInstanceQuery().processInstanceId(takeOut.getId()).count() > 0) {
      runtimeService.deleteProcessInstance(takeOut.getId(), "test over");
    }
    DecisionDefinition latest = latestDecision();
    if (latest.getVersion() > decisionVersionBefore) {
      repositoryService.deleteDeployment(latest.getDeploymentId(), true);
    }
    if (proposal != null) {
      jdbc.update("delete from regulation_revision where business_key = ?", proposal);
    }
  }

  @Test
  void suzukiChangesWhoApprovesInternalTakeOutsAndTanakaApprovesIt() {
    String revisionBefore = rest.get(DemoOrganisation.PRESIDENT,
        "/api/design/revision").body().path("revision").asText();

    // suzuki opens the table on the page
    steps.login(DemoOrganisation.SYSTEM_ADMINISTRATOR);
    browser.get(base() + "/design/");
    WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector("#models tr[data-resource='takeOutApprover.dmn']")));
    steps.click(row.findElement(By.cssSelector("button.open")));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("opened"), "takeOutApprover.dmn"));

    // she lets the section chief approve INTERNAL take-outs, with the rule's description saying so
    edit(cell(INTERNAL_RULE, "Output_ApproverRole"), "\"SECTION_CHIEF\"");
    edit(annotation(INTERNAL_RULE), "3.2, 3.1.3: 社外秘 (機密性1) は申請者の課長の許可を得る");
    assertThat(cell(INTERNAL_RULE, "Output_ApproverRole").getText()).isEqualTo("\"SECTION_CHIEF\"");

    // the checks pass, and the dry run shows INTERNAL going from the department head to the section chief
    steps.click(browser.findElement(By.id("check")));
    wait.until(ExpectedConditions.or(
        ExpectedConditions.textToBePresentInElementLocated(By.id("findings-summary"), "エラー"),
        ExpectedConditions.textToBePresentInElementLocated(By.id("findings-summary"), "問題は見つかりません")));
    assertThat(browser.findElements(By.cssSelector("#findings tr.severity-ERROR"))).isEmpty();
    steps.click(browser.findElement(By.id("dry-run")));
    WebElement changed = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("#dry-run-decisions [data-decision='takeOutApprover'] tr.changed")));
    assertThat(changed.getText()).contains("INTERNAL", "DEPARTMENT_HEAD", "SECTION_CHIEF");
    List<WebElement> changedRows = browser.findElements(
        By.cssSelector("#dry-run-decisions [data-decision='takeOutApprover'] tr.changed"));
    assertThat(changedRows).allSatisfy(r -> assertThat(r.getText()).contains("INTERNAL"));
    assertThat(browser.findElements(By.cssSelector("#dry-run-decisions [data-decision='takeOutApprover'] tbody tr")))
        .hasSizeGreaterThan(changedRows.size());

    // she proposes it
    browser.findElement(By.id("reason")).sendKeys("社外秘の持ち出しは課長の判断で足りるため (部門長の負担軽減)");
    browser.findElement(By.id("clauses")).sendKeys("3.2, 3.1.3");
    ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0);"
        + "document.querySelectorAll('#dmn-container *').forEach(e => e.scrollLeft = 0);");
    DocumentationImages.save(browser, "design-workbench.png");
    steps.click(browser.findElement(By.id("propose")));
    WebElement proposed = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("proposed")));
    proposal = proposed.getAttribute("data-business-key");
    assertThat(proposal).startsWith("MR-");
    ProcessInstance revision = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(proposal)
        .singleResult();
    assertThat(revision.getProcessDefinitionId()).startsWith("modelRevision:");
    assertThat(latestDecision().getVersion()).isEqualTo(decisionVersionBefore);

    // suzuki cannot approve her own proposal: no task of it is hers to take, and claiming one is refused
    Task approval = wait.until(driver -> taskService.createTaskQuery().processInstanceId(revision.getId())
        .singleResult());
    assertThat(taskService.createTaskQuery().processInstanceId(revision.getId()).taskCandidateUser(DemoOrganisation.SYSTEM_ADMINISTRATOR)
        .includeAssignedTasks().count()).isZero();
    assertThat(rest.post(DemoOrganisation.SYSTEM_ADMINISTRATOR, "/engine-rest/task/" + approval.getId() + "/claim",
        java.util.Map.of("userId",
        DemoOrganisation.SYSTEM_ADMINISTRATOR)).status()).isBetween(400, 499);
    assertThat(rest.post(DemoOrganisation.SYSTEM_ADMINISTRATOR, "/engine-rest/task/" + approval.getId() + "/complete",
        java.util.Map.of())
        .status()).isBetween(400, 499);
    assertThat(taskService.createTaskQuery().taskId(approval.getId()).singleResult().getAssignee()).isNull();
    assertThat(latestDecision().getVersion()).isEqualTo(decisionVersionBefore);

    // tanaka approves it in 自分のグループのタスク
    approveAsTanaka(revision);

    // the approved table is deployed, with a new regulation revision
    DecisionDefinition deployed = latestDecision();
    assertThat(deployed.getVersion()).isEqualTo(decisionVersionBefore + 1);
    String revisionAfter = rest.get(DemoOrganisation.PRESIDENT,
        "/api/design/revision").body().path("revision").asText();
    assertThat(revisionAfter).isNotEmpty().isNotEqualTo(revisionBefore);

    // a new take-out of an INTERNAL asset goes to yamamoto's section chief, and its record carries the revision
    takeOut = new Requests(engine).file(DemoOrganisation.DESIGN_EMPLOYEE, "takeOut",
        Requests.internalLaptopTakeOut(DemoOrganisation.DESIGN_EMPLOYEE));
    Task task = wait.until(driver -> taskService.createTaskQuery().processInstanceId(takeOut.getId()).singleResult());
    assertThat(taskService.getIdentityLinksForTask(task.getId())).anySatisfy(link ->
        assertThat(link.getGroupId()).isEqualTo("section-chief.design"));
    assertThat(taskService.createTaskQuery().taskId(task.getId()).taskCandidateUser(DemoOrganisation.DESIGN_CHIEF).count()).isOne();
    assertThat(taskService.createTaskQuery().taskId(task.getId()).taskCandidateUser(DemoOrganisation.DEVELOPMENT_HEAD).count()).isZero();
    assertThat(historyService.createHistoricDecisionInstanceQuery().processInstanceId(takeOut.getId())
        .decisionDefinitionKey(DECISION).singleResult().getDecisionDefinitionId()).isEqualTo(deployed.getId());
    List<String> revisions = jdbc.queryForList(
        "select regulation_revision from audit_record where business_key = ?", String.class, takeOut.getBusinessKey());
    assertThat(revisions).isNotEmpty().containsOnly(revisionAfter);
  }

  @Test
  void someoneWhoIsNoProcessOwnerIsRefusedThePageAndItsApi() {
    int deployments = (int) repositoryService.createDeploymentQuery().count();

    RestCalls.Call page = rest.get(DemoOrganisation.DESIGN_EMPLOYEE, "/design/index.html");
    assertThat(page.status()).isEqualTo(403);
    assertThat(page.text()).contains("プロセスオーナー").doesNotContain("design-editors.js");
    assertThat(rest.get(DemoOrganisation.DESIGN_EMPLOYEE, "/design/").status()).isEqualTo(403);
    assertThat(rest.get(DemoOrganisation.DESIGN_EMPLOYEE, "/design/design.js").status()).isEqualTo(403);
    RestCalls.Call models = rest.get(DemoOrganisation.DESIGN_EMPLOYEE, "/api/design/models");
    assertThat(models.status()).isEqualTo(403);
    assertThat(models.text()).doesNotContain("takeOutApprover");
    assertThat(rest.post(DemoOrganisation.DESIGN_EMPLOYEE, "/api/design/proposals", java.util.Map.of("files",
        List.of(java.util.Map.of(
        "name", "takeOutApprover.dmn", "content", "<definitions/>")), "reason", "x", "clauses", "3.2")).status())
        .isEqualTo(403);
    assertThat(rest.get(DemoOrganisation.SYSTEM_ADMINISTRATOR, "/design/index.html").status()).isEqualTo(200);

    // in the browser, logged in to Tasklist
    steps.login(DemoOrganisation.DESIGN_EMPLOYEE);
    browser.get(base() + "/design/");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "アクセスできません"));
    assertThat(browser.findElement(By.tagName("body")).getText()).contains("プロセスオーナー")
        .doesNotContain("takeOutApprover");
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("modelRevision")
        .variableValueEquals("requester", DemoOrganisation.DESIGN_EMPLOYEE).count()).isZero();
  }

  @Test
  void suzukiProposesATableAndAFormTogetherAndTanakaApprovesBoth() {
    String form = "takeOutApproval.form";
    String newLabel = "所属部門 (申請時点の人事情報)";

    // suzuki opens the table and edits it: the table is the draft's first file
    steps.login(DemoOrganisation.SYSTEM_ADMINISTRATOR);
    browser.get(base() + "/design/");
    openModel("takeOutApprover.dmn");
    edit(cell(INTERNAL_RULE, "Output_ApproverRole"), "\"SECTION_CHIEF\"");
    edit(annotation(INTERNAL_RULE), "3.2, 3.1.3: 社外秘 (機密性1) は申請者の課長の許可を得る");
    assertThat(draftFiles()).containsExactly("takeOutApprover.dmn");

    // she opens the approval form: it joins the same draft; she renames a field's label in form-js's editor
    openModel(form);
    assertThat(draftFiles()).containsExactly("takeOutApprover.dmn", form);
    WebElement departmentField = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(
        "#form-container .fjs-element[data-id='Field_requesterDepartmentName']")));
    steps.click(departmentField);
    // the properties panel of the field, its groups headed in Japanese; 全般 (General) opened
    WebElement general = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
        "#form-container .fjs-properties-panel[data-field='Field_requesterDepartmentName'] "
            + "[data-group-id='group-general']")));
    WebElement generalHeader = general.findElement(By.cssSelector(".bio-properties-panel-group-header"));
    assertThat(generalHeader.getText()).contains("全般");
    if (general.findElements(By.cssSelector(".bio-properties-panel-group-entries.open")).isEmpty()) {
      steps.click(generalHeader);
    }
    assertThat(browser.findElements(By.cssSelector("#form-container .fjs-palette-group-title")))
        .extracting(WebElement::getText).contains("入力", "選択");
    WebElement label = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(
        "#form-container [data-entry-id='label'] [contenteditable='true']")));
    new Actions(browser).click(label).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).sendKeys(newLabel)
        .perform();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(
        "#form-container .fjs-element[data-id='Field_requesterDepartmentName']"), newLabel));

    // a third file opened by mistake is taken out of the draft again; the editor moves to the form
    openModel("takeOut.bpmn");
    assertThat(draftFiles()).containsExactly("takeOutApprover.dmn", form, "takeOut.bpmn");
    steps.click(browser.findElement(By.cssSelector("#draft-files li[data-file='takeOut.bpmn'] button.remove-draft")));
    wait.until(driver -> draftFiles().size() == 2);
    assertThat(draftFiles()).containsExactly("takeOutApprover.dmn", form);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("opened"), form));

    // back in the table, her edit is still there
    steps.click(browser.findElement(By.cssSelector(
        "#draft-files li[data-file='takeOutApprover.dmn'] button.edit-draft")));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("opened"), "takeOutApprover.dmn"));
    assertThat(cell(INTERNAL_RULE, "Output_ApproverRole").getText()).isEqualTo("\"SECTION_CHIEF\"");

    // the checks and the dry run take both files
    steps.click(browser.findElement(By.id("check")));
    wait.until(ExpectedConditions.or(
        ExpectedConditions.textToBePresentInElementLocated(By.id("findings-summary"), "エラー"),
        ExpectedConditions.textToBePresentInElementLocated(By.id("findings-summary"), "問題は見つかりません")));
    assertThat(browser.findElements(By.cssSelector("#findings tr.severity-ERROR"))).isEmpty();
    steps.click(browser.findElement(By.id("dry-run")));
    wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("#dry-run-decisions [data-decision='takeOutApprover'] tr.changed")));

    // she proposes both in one request
    browser.findElement(By.id("reason")).sendKeys("社外秘の持ち出しは課長の判断とし、承認画面の表示も合わせる");
    browser.findElement(By.id("clauses")).sendKeys("3.2, 3.1.3");
    steps.click(browser.findElement(By.id("propose")));
    WebElement proposed = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("proposed")));
    proposal = proposed.getAttribute("data-business-key");
    assertThat(proposed.getAttribute("data-files")).isEqualTo("takeOutApprover.dmn " + form);
    assertThat(draftFiles()).isEmpty();
    ProcessInstance revision = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(proposal)
        .singleResult();
    assertThat(latestDecision().getVersion()).isEqualTo(decisionVersionBefore);

    // tanaka approves it; the two files are deployed together as she edited them, and beside them, unchanged, the
    // flow that binds them from its own deployment with its other tables and forms
    approveAsTanaka(revision);
    DecisionDefinition deployed = latestDecision();
    assertThat(deployed.getVersion()).isEqualTo(decisionVersionBefore + 1);
    String deployment = deployed.getDeploymentId();
    List<String> names = repositoryService.getDeploymentResourceNames(deployment).stream()
        .map(name -> name.substring(name.lastIndexOf('/') + 1)).toList();
    assertThat(names).contains("takeOutApprover.dmn", form);
    for (String companion : names) {
      if (!companion.equals("takeOutApprover.dmn") && !companion.equals(form)) {
        assertThat(resource(deployment, companion)).as(companion + " deployed again unchanged")
            .isEqualTo(repositoryFile(companion));
      }
    }
    String deployedForm = resource(deployment, form);
    assertThat(deployedForm).contains("\"label\": \"" + newLabel + "\"").contains("\"id\": \"takeOutApproval\"");
    String deployedTable = resource(deployment, "takeOutApprover.dmn");
    assertThat(deployedTable).contains("SECTION_CHIEF").contains("社外秘 (機密性1) は申請者の課長の許可を得る");
    assertThat(jdbc.queryForObject("select count(*) from regulation_revision where business_key = ?", Integer.class,
        proposal)).isOne();
  }

  /** tanaka takes the revision's approval in 自分のグループのタスク and approves it; the request ends. */
  private void approveAsTanaka(ProcessInstance revision) {
    browser.manage().deleteAllCookies();
    steps.login(DemoOrganisation.PRESIDENT);
    steps.clickText("a", "自分のグループのタスク");
    wait.ignoring(StaleElementReferenceException.class).until(driver -> {
      for (WebElement item : driver.findElements(By.cssSelector("li"))) {
        if (item.isDisplayed() && item.getText().contains(proposal)) {
          steps.click(item.findElement(By.cssSelector("a")));
          return true;
        }
      }
      return null;
    });
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "担当する"));
    steps.clickText("button, a", "担当する");
    steps.click(wait.until(ExpectedConditions.presenceOfElementLocated(field("decision_Approval-0"))));
    steps.click(wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[ng-click='complete()']"))));
    wait.until(driver -> runtimeService.createProcessInstanceQuery().processInstanceId(revision.getId()).count() == 0);
  }

  /** Opens a model's newest version from the list on the left. */
  private void openModel(String file) {
    WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector("#models tr[data-resource='" + file + "']")));
    steps.click(row.findElement(By.cssSelector("button.open")));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("opened"), file));
    wait.until(driver -> draftFiles().contains(file));
  }

  /** The files of the draft as the page lists them. */
  private List<String> draftFiles() {
    return browser.findElements(By.cssSelector("#draft-files li")).stream().map(li -> li.getAttribute("data-file"))
        .toList();
  }

  private static String repositoryFile(String file) {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of(file.endsWith(".form") ? "forms" : "bpmn", file),
          java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private String resource(String deployment, String file) {
    String name = repositoryService.getDeploymentResourceNames(deployment).stream().filter(n -> n.endsWith(file))
        .findFirst().orElseThrow();
    try (java.io.InputStream in = repositoryService.getResourceAsStream(deployment, name)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private DecisionDefinition latestDecision() {
    return repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION).latestVersion()
        .singleResult();
  }

  private String base() {
    return "http://localhost:" + port;
  }

  private WebElement cell(String rule, String column) {
    return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
        "#dmn-container td[data-row-id='" + rule + "'][data-col-id='" + column + "']")));
  }

  private WebElement annotation(String rule) {
    return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
        "#dmn-container td.annotation[data-row-id='" + rule + "']")));
  }

  /** Types into a cell of dmn-js's decision table as a user does: into the cell, all selected, the new text. */
  private void edit(WebElement cell, String text) {
    steps.click(cell);
    // dmn-js renders the cell's editable content after the click: typing before it is there types into nothing
    WebElement editable = wait.until(driver -> cell.findElements(By.cssSelector("[contenteditable='true']")).stream()
        .filter(WebElement::isDisplayed).findFirst().orElse(null));
    new Actions(browser).click(editable).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).sendKeys(text)
        .perform();
    wait.until(driver -> editable.getText().strip().equals(text));
    // leaving the cell commits the text
    steps.click(browser.findElement(By.id("opened")));
  }
}
