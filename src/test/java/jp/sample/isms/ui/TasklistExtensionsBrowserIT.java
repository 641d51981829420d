package jp.sample.isms.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Attachment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.support.Outsourcings;
import jp.sample.isms.support.Requests;
import jp.sample.isms.support.DemoOrganisation;

/**
 * The Tasklist plugins of scripts/isms-tasklist-plugins.js in Debian's headless Chromium: yamamoto uploads the
 * certificate of destruction in the 添付ファイル tab of her execution step and sees it listed; ito approves two
 * take-outs at once with 一括承認; yamamoto attaches the documents of a re-subcontracting by their kind. Tagged
 * "browser".
 */
@Tag("browser")
@IsmsSpringBootTest
class TasklistExtensionsBrowserIT {

  private static final byte[] PDF = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
      .getBytes(StandardCharsets.US_ASCII);

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  org.springframework.jdbc.core.JdbcTemplate jdbc;

  Requests requests;
  WebDriver browser;
  WebDriverWait wait;
  String lastScreen = "tasklist-extensions.png";

  @BeforeEach
  void openBrowser() throws Exception {
    requests = new Requests(engine);
    ChromeOptions options = Chromium.options();
    browser = Chromium.start(options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(20));
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      screenshot(lastScreen);
      browser.quit();
    }
  }

  @Test
  void yamamotoUploadsTheCertificateOfDestructionInTheAttachmentsTab() throws Exception {
    // given yamamoto's outsourced disposal, received by watanabe and approved by tanaka (極秘) and suzuki
    Map<String, Object> variables = new HashMap<>();
    variables.put("assetIds", "IA-0002");
    variables.put("mediaType", "HDD");
    variables.put("action", "DISPOSE");
    variables.put("method", "OUTSOURCED_DESTRUCTION");
    variables.put("quantity", 3);
    variables.put("description", "旧設計図面データ (2019年度) を保存していた媒体");
    variables.put("contractor", "株式会社データ抹消サービス");
    ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, "mediaDisposal", variables);
    Map<String, Object> approve = Map.of("decision", "APPROVED", "decisionComment", "");
    requests.complete(DemoOrganisation.DESIGN_CHIEF, instance, approve);
    requests.complete(DemoOrganisation.PRESIDENT, instance, approve);
    requests.complete(DemoOrganisation.SYSTEM_ADMINISTRATOR, instance, approve);
    String taskId = requests.task(instance).getId();
    Path certificate = Files.createTempDirectory("isms-upload").resolve("破壊証明書.pdf");
    Files.write(certificate, PDF);

    // when she opens her execution step, the 添付ファイル tab, and uploads the certificate
    login(DemoOrganisation.DESIGN_EMPLOYEE);
    browser.get(tasklist() + "#/?task=" + taskId);
    clickText("a", "添付ファイル");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".isms-attachments"),
        "添付ファイルはありません"));
    browser.findElement(By.cssSelector(".isms-attachments input.isms-file"))
        .sendKeys(certificate.toAbsolutePath().toString());
    browser.findElement(By.cssSelector(".isms-attachments button.isms-upload")).click();

    // then it is listed with her name, and attached to the request
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".isms-attachment-list"),
        "破壊証明書.pdf"));
    lastScreen = "tasklist-attachments.png";
    String listed = browser.findElement(By.cssSelector(".isms-attachment-list")).getText();
    assertThat(listed).contains("application/pdf", "山本 さくら");
    assertThat(browser.findElements(By.cssSelector(".isms-attachment-list .isms-remove"))).hasSize(1);
    List<Attachment> attachments = engine.getTaskService().getProcessInstanceAttachments(instance.getId());
    assertThat(attachments).extracting(Attachment::getName).containsExactly("破壊証明書.pdf");
    assertThat(attachments.get(0).getTaskId()).isEqualTo(taskId);
  }

  @Test
  void yamamotoAttachesTheReSubcontractingDocumentsByKindAndCompletesHisStep() throws Exception {
    // given yamamoto's re-subcontracting request of a running outsourcing, waiting for the documents of 8.1.5
    Outsourcings outsourcings = new Outsourcings(engine, jdbc);
    try {
      ProcessInstance outsourcing = outsourcings.running(DemoOrganisation.DESIGN_EMPLOYEE);
      ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, "resubcontracting",
          Outsourcings.resubcontracting(outsourcing.getBusinessKey()));
      String taskId = requests.task(instance).getId();
      Path folder = Files.createTempDirectory("isms-upload");

      // when he opens the 添付ファイル tab of his step
      login(DemoOrganisation.DESIGN_EMPLOYEE);
      browser.get(tasklist() + "#/?task=" + taskId);
      clickText("a", "添付ファイル");
      WebElement kind = wait.until(ExpectedConditions.presenceOfElementLocated(
          By.cssSelector(".isms-attachments select.isms-kind")));

      // a file without a chosen kind is not sent
      Path report = folder.resolve("再委託事前報告書.pdf");
      Files.write(report, PDF);
      browser.findElement(By.cssSelector(".isms-attachments input.isms-file")).sendKeys(report.toString());
      browser.findElement(By.cssSelector(".isms-attachments button.isms-upload")).click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".isms-message"),
          "どの書類かを選んでください"));
      assertThat(new Select(kind).getOptions()).extracting(WebElement::getText).contains(
          "委託先からの事前の書面による報告", "再委託先の選定基準");

      // and uploads each document with its kind
      Map<String, String> documents = new java.util.LinkedHashMap<>();
      documents.put("PRIOR_REPORT", "再委託事前報告書.pdf");
      documents.put("CONTRACT_EXTRACT", "契約書案_抜粋.pdf");
      documents.put("SELECTION_CRITERIA", "選定基準.pdf");
      int uploaded = 0;
      for (Map.Entry<String, String> document : documents.entrySet()) {
        Path file = folder.resolve(document.getValue());
        Files.write(file, PDF);
        // the tab is re-rendered after each upload: find the controls again
        new Select(wait.until(ExpectedConditions.presenceOfElementLocated(
            By.cssSelector(".isms-attachments select.isms-kind")))).selectByValue(document.getKey());
        browser.findElement(By.cssSelector(".isms-attachments input.isms-file")).sendKeys(file.toString());
        browser.findElement(By.cssSelector(".isms-attachments button.isms-upload")).click();
        int expected = ++uploaded;
        wait.until(driver -> driver.findElements(By.cssSelector(".isms-attachment-list tbody tr")).size() == expected);
      }

      // then the documents are listed by their kind and attached with it
      lastScreen = "tasklist-resubcontracting-documents.png";
      String listed = browser.findElement(By.cssSelector(".isms-attachment-list")).getText();
      assertThat(listed).contains("委託先からの事前の書面による報告", "再委託先の選定基準", "契約書案_抜粋.pdf");
      assertThat(engine.getTaskService().getProcessInstanceAttachments(instance.getId()))
          .extracting(Attachment::getType)
          .containsExactlyInAnyOrder("PRIOR_REPORT", "CONTRACT_EXTRACT", "SELECTION_CRITERIA");

      // and the flow accepts them: his step completes and the equivalence review is next
      requests.complete(DemoOrganisation.DESIGN_EMPLOYEE, instance, Map.of("comment", ""));
      assertThat(requests.task(instance).getTaskDefinitionKey()).isEqualTo("UserTask_ReviewEquivalence");
      engine.getRuntimeService().deleteProcessInstance(instance.getId(), "test clean-up");
    } finally {
      outsourcings.cleanUp();
    }
  }

  @Test
  void theBrowserRefusesAFakePdfBeforeUploading() throws Exception {
    ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, "takeOut",
        Requests.internalLaptopTakeOut());
    String taskId = requests.task(instance).getId();
    Path fake = Files.createTempDirectory("isms-upload").resolve("偽の証明書.pdf");
    Files.writeString(fake, "これは PDF ではありません");

    login(DemoOrganisation.DEVELOPMENT_HEAD);
    browser.get(tasklist() + "#/?task=" + taskId);
    clickText("a", "添付ファイル");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".isms-attachments input.isms-file")))
        .sendKeys(fake.toAbsolutePath().toString());
    browser.findElement(By.cssSelector(".isms-attachments button.isms-upload")).click();

    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".isms-message"),
        "ファイルの内容が次の形式ではありません: PDF"));
    assertThat(engine.getTaskService().getProcessInstanceAttachments(instance.getId())).isEmpty();
  }

  @Test
  void itoApprovesTwoTakeOutsAtOnce() {
    // given two take-outs of yamamoto waiting for ito
    ProcessInstance first = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, "takeOut",
        Requests.internalLaptopTakeOut());
    ProcessInstance second = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, "takeOut",
        Requests.internalLaptopTakeOut());
    String firstTask = requests.task(first).getId();
    String secondTask = requests.task(second).getId();

    // when ito opens 一括承認, selects both and approves them with one comment
    login(DemoOrganisation.DEVELOPMENT_HEAD);
    click(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("isms-bulk-approval"))));
    click(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("isms-bulk-" + firstTask))));
    click(browser.findElement(By.id("isms-bulk-" + secondTask)));
    assertThat(browser.findElement(By.id("isms-bulk-overlay")).getText()).contains(first.getBusinessKey(),
        second.getBusinessKey());
    browser.findElement(By.cssSelector(".isms-bulk-comment")).sendKeys("業務上必要と認めます");
    click(browser.findElement(By.cssSelector(".isms-bulk-approve")));

    // then both are approved, each reported
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".isms-bulk-result-list")));
    lastScreen = "tasklist-bulk-approval.png";
    String results = browser.findElement(By.cssSelector(".isms-bulk-result-list")).getText();
    assertThat(results).contains(first.getBusinessKey(), second.getBusinessKey(), "承認しました");
    for (ProcessInstance instance : List.of(first, second)) {
      assertThat(requests.task(instance).getTaskDefinitionKey()).isEqualTo("UserTask_ReportReturn");
    }
  }

  @Test
  void itoNamesWatanabeAsSubstituteInTasklist() {
    login(DemoOrganisation.DEVELOPMENT_HEAD);
    click(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("isms-substitutes"))));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("isms-substitute"))).sendKeys(DemoOrganisation.DESIGN_CHIEF);
    // from and to start at today in the product's zone (the test application's: Japan), whatever the browser's zone
    String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")).toString();
    wait.until(driver -> today.equals(driver.findElement(By.id("isms-substitute-from")).getAttribute("value")));
    assertThat(browser.findElement(By.id("isms-substitute-to")).getAttribute("value")).isEqualTo(today);
    browser.findElement(By.id("isms-substitute-reason")).sendKeys("出張");
    click(browser.findElement(By.id("isms-substitute-nominate")));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".isms-substitute-list")));
    lastScreen = "tasklist-substitutes.png";
    assertThat(browser.findElement(By.cssSelector(".isms-substitute-list")).getText()).contains(DemoOrganisation.DEVELOPMENT_HEAD, DemoOrganisation.DESIGN_CHIEF, "出張");
    var named = jdbc.queryForList("select id from approval_substitute where principal = 'ito' and substitute = 'watanabe'"
        + " and revoked_at is null", Long.class);
    assertThat(named).isNotEmpty();
    named.forEach(id -> jdbc.update("update approval_substitute set revoked_at = CURRENT_TIMESTAMP where id = ?", id));
  }

  private String tasklist() {
    return "http://localhost:" + port + "/camunda/app/tasklist/default/";
  }

  private void login(String user) {
    browser.get(tasklist());
    WebElement username = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("input[ng-model='username']")));
    username.sendKeys(user);
    browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(DemoOrganisation.PASSWORD);
    browser.findElement(By.cssSelector("button[type='submit']")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "自分のタスク"));
  }

  private void clickText(String css, String text) {
    wait.ignoring(StaleElementReferenceException.class).until(driver -> {
      for (WebElement element : driver.findElements(By.cssSelector(css))) {
        if (element.isDisplayed() && element.getText().contains(text)) {
          click(element);
          return true;
        }
      }
      return null;
    });
  }

  private void click(WebElement element) {
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    try {
      element.click();
    } catch (RuntimeException e) {
      ((JavascriptExecutor) browser).executeScript("arguments[0].click();", element);
    }
  }

  private void screenshot(String name) {
    try {
      Files.write(Path.of("target", name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
