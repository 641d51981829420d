package jp.sample.isms.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.audit.AuditRecorder;
import jp.sample.isms.audit.AuditStepKind;
import jp.sample.isms.audit.Outcome;
import jp.sample.isms.audit.RecordFlag;
import jp.sample.isms.support.RecordVocabulary;
import jp.sample.isms.support.Requests;
import jp.sample.isms.support.DemoOrganisation;

/**
 * The audit pages in Debian's headless Chromium, as nakamura (監査・点検責任者) uses them: the search finds a request,
 * its page shows the records and the diagram with the path taken marked, the register lists it with a CSV link.
 * HTTP Basic is sent by the browser (here: as a header set through the DevTools protocol). Tagged "browser".
 */
@Tag("browser")
@IsmsSpringBootTest
class AuditPagesBrowserIT {

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  AuditRecorder recorder;
  @Autowired
  PlatformTransactionManager transactionManager;

  ChromeDriver browser;
  WebDriverWait wait;

  @BeforeEach
  void openBrowser() throws Exception {
    ChromeOptions options = Chromium.options();
    browser = Chromium.start(options);
    DocumentationImages.fixWindow(browser);
    wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    String basic = Base64.getEncoder().encodeToString(("nakamura:" + DemoOrganisation.PASSWORD).getBytes(StandardCharsets.UTF_8));
    browser.executeCdpCommand("Network.enable", Map.of());
    browser.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Authorization", "Basic " + basic)));
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      screenshot("audit-last.png");
      browser.quit();
    }
  }

  @Test
  void nakamuraFindsARequestSeesItsPathAndTheRegister() {
    // given yamamoto's take-out, approved by ito
    Requests requests = new Requests(engine);
    ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, "takeOut",
        Requests.internalLaptopTakeOut());
    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, Map.of("decision", "APPROVED", "decisionComment",
        "承認します"));
    String key = instance.getBusinessKey();

    // when nakamura searches for it
    browser.get("http://localhost:" + port + "/audit/index.html?businessKey=" + key);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("reader"), "中村 学 (監査・点検責任者)"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("results"), key));
    assertThat(browser.findElement(By.id("summary")).getText()).startsWith("1 件");
    screenshot("audit-search.png");

    // then its page shows every record and the diagram with the path taken
    browser.findElement(By.linkText(key)).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("records"), "伊藤 直樹 (ito)"));
    assertThat(browser.findElement(By.id("records")).getText()).contains("承認します", "部門責任者", "3.2");
    wait.until(driver -> !driver.findElements(By.cssSelector("#diagram .djs-element.audit-passed")).isEmpty());
    DocumentationImages.save(browser, "audit-request.png");
    // with what yamamoto filed and ito decided, folded under each record's comment
    List<WebElement> submitted = browser.findElements(By.cssSelector("#records details.submitted"));
    assertThat(submitted).hasSize(2);
    submitted.forEach(details -> details.findElement(By.tagName("summary")).click());
    // in the form's words (its labels, its choices' labels); the recorded names and codes folded below, for export
    assertThat(submitted.get(0).getText()).contains("入力内容", "持ち出す情報資産 (情報資産管理台帳のID)", "IA-0001",
        "媒体", "ノートパソコン", "ハードディスク/データ・フォルダーを暗号化している", "はい", "持ち出し日")
        .doesNotContain("assetIds", "LAPTOP", "attestDiskEncrypted");
    assertThat(submitted.get(1).getText()).contains("判断", "承認する").doesNotContain("decision", "APPROVED");
    WebElement recorded = submitted.get(0).findElement(By.cssSelector("details.raw"));
    recorded.findElement(By.tagName("summary")).click();
    assertThat(recorded.getText()).contains("\"medium\": \"LAPTOP\"", "\"attestDiskEncrypted\": true");
    // records numbered within the request, the record id (which counts every request's records) kept as a title
    List<WebElement> numbers = browser.findElements(By.cssSelector("#records tbody tr td:first-child"));
    for (int i = 0; i < numbers.size(); i++) {
      assertThat(numbers.get(i).getText()).isEqualTo(String.valueOf(i + 1));
      assertThat(numbers.get(i).getAttribute("title")).startsWith("記録ID ");
    }
    // the path in words, without the model's element ids and types
    String path = browser.findElement(By.id("path")).getText();
    assertThat(path).contains("担当者のステップ", "分岐 (いずれか一つ)", "開始")
        .doesNotContain("userTask", "exclusiveGateway", "startEvent", "UserTask_ApproveTakeOut", "要素ID");
    wait.until(driver -> !driver.findElements(By.cssSelector("#diagram .djs-element.audit-passed")).isEmpty());
    List<WebElement> passed = browser.findElements(By.cssSelector("#diagram .djs-element.audit-passed"));
    assertThat(passed).extracting(e -> e.getAttribute("data-element-id")).contains("StartEvent_RequestFiled",
        "Gateway_ApprovalRequired", "UserTask_ApproveTakeOut", "Gateway_Decision");
    assertThat(browser.findElements(By.cssSelector("#diagram .djs-element.audit-current"))
        .stream().map(e -> e.getAttribute("data-element-id"))).contains("UserTask_ReportReturn");
    assertThat(browser.findElements(By.cssSelector("#diagram .bjs-powered-by"))).isNotEmpty();
    screenshot("audit-request.png");
    printed("audit-request-print.png");

    // and the record search lists its records, the page frame shared with the request search
    browser.get("http://localhost:" + port + "/audit/records.html?businessKey=" + key);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("results"), key));
    assertThat(browser.findElement(By.id("results")).getText()).contains("伊藤 直樹");

    // and his own page views are left out of the record search unless he asks for them; then count and list agree
    browser.get("http://localhost:" + port + "/audit/records.html?actor=nakamura");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("summary"), "該当する記録はありません"));
    browser.findElement(By.id("includeQueries")).click();
    browser.findElement(By.cssSelector("#search button[type='submit']")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("summary"), "件目"));
    int listed = browser.findElements(By.cssSelector("#results tbody tr")).size();
    assertThat(listed).isPositive();
    assertThat(browser.findElement(By.id("summary")).getText())
        .isEqualTo(listed + " 件 中 1〜" + listed + " 件目");
    assertThat(browser.findElement(By.id("results")).getText()).contains("監査照会");

    // and the take-out register lists it, with the CSV of the same filter
    browser.get("http://localhost:" + port + "/audit/registers.html?register=takeout&businessKey=" + key);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rows"), "持ち出し中"));
    assertThat(browser.findElement(By.id("rows")).getText()).contains(key, "山本 さくら (yamamoto)", "ノートパソコン");
    assertThat(browser.findElement(By.id("csv")).getAttribute("href"))
        .endsWith("/api/audit/registers/takeout.csv?businessKey=" + key);
    // the register fits a 1400 px window: no sideways scrolling; the tabs carry no underlined spaces
    assertThat((Boolean) browser.executeScript("const t = document.getElementById('rows');"
        + "return t.scrollWidth <= t.parentElement.clientWidth;")).isTrue();
    List<WebElement> tabs = browser.findElements(By.cssSelector("#tabs a, #tabs strong"));
    assertThat(tabs).extracting(WebElement::getText).contains("持ち出し台帳")
        .allSatisfy(text -> assertThat(text).doesNotContain("　").isEqualTo(text.strip()));
    screenshot("audit-register.png");
    printed("audit-register-print.png");

    // and read in English (the product's language choice), the registers carry their English names; the CSV keeps
    // the Japanese name
    browser.executeScript("window.localStorage.setItem('isms-locale', 'en');");
    browser.navigate().refresh();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("title"), "Take-out register (3.2)"));
    assertThat(browser.findElements(By.cssSelector("#tabs a, #tabs strong"))).extracting(WebElement::getText)
        .contains("Take-out register", "Information asset register").doesNotContain("持ち出し台帳");
    assertThat(browser.getTitle()).isEqualTo("Take-out register — Audit");
    assertThat(browser.findElement(By.id("rows")).getText()).contains(key);
    browser.executeScript("window.localStorage.removeItem('isms-locale');");
  }

  @Test
  void theRequestPageShowsEveryCodeOfTheRecordInWords() {
    // given requests whose records hold every outcome, kind of step, acting role and four-eyes flag
    StringBuilder records = new StringBuilder();
    for (String key : RecordVocabulary.requestsWithEveryKindOfRecord(engine, recorder, transactionManager)) {
      // when nakamura opens each one's page
      browser.get("http://localhost:" + port + "/audit/request.html?key=" + key);
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("records"), "語彙の確認"));
      records.append(browser.findElement(By.id("records")).getText()).append('\n');
    }

    // then the records show labels only, never a stored code
    assertThat(records).contains(Outcome.SUBSTITUTE_NAMED.label(), Outcome.HISTORY_CHANGED.label(),
        AuditStepKind.HAND_OVER.label(), RecordFlag.SELF_APPROVAL.label());
    for (String code : RecordVocabulary.everyCode()) {
      assertThat(records.toString()).as(code).doesNotContainPattern("\\b" + code + "\\b");
    }
    screenshot("audit-request-vocabulary.png");
  }

  /** The page as the print stylesheet lays it out. */
  private void printed(String name) {
    browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
    screenshot(name);
    browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
  }

  private void screenshot(String name) {
    try {
      Files.write(Path.of("target", name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
