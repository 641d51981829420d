package jp.sample.isms.ui;

import static jp.sample.isms.ui.BrowserSteps.field;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import jp.sample.isms.IsmsSpringBootTest;
import jp.sample.isms.support.Requests;
import jp.sample.isms.takeout.TakeOutProcess;
import jp.sample.isms.support.DemoOrganisation;

/**
 * What a Japanese user sees of the Camunda webapps beyond the labels: Camunda Forms in Japanese (選択してください,
 * dates 2026/12/07 with 日〜土 and 12月, stored ISO), the measures of 3.2 required by the form itself, a refusal by the
 * server explained beside the button in the form's words (field label and clause, no engine text, no field key), on a
 * start form and on a task form; names family name first in Tasklist, Cockpit and Admin; the language switch in the
 * footer, under any dialog; Cockpit's footer in Japanese. Tagged "browser".
 */
@Tag("browser")
@IsmsSpringBootTest
class WebappsInJapaneseBrowserIT {

  private static final String DESTINATION = "協力会社 福岡営業所";

  @LocalServerPort
  int port;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  ProcessEngine engine;

  WebDriver browser;
  WebDriverWait wait;
  BrowserSteps steps;
  final LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));

  @BeforeEach
  void openBrowser() {
    ChromeDriver chrome = Chromium.start(Chromium.options());
    DocumentationImages.fixWindow(chrome);
    browser = chrome;
    wait = new WebDriverWait(browser, Duration.ofSeconds(40));
    steps = new BrowserSteps(browser, wait, "http://localhost:" + port);
  }

  @AfterEach
  void closeBrowser() throws Exception {
    if (browser != null) {
      Files.write(Path.of("target", "webapps-in-japanese.png"),
          ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
      browser.quit();
    }
  }

  @Test
  void theStartFormSpeaksJapaneseRequiresTheMeasuresAndExplainsARefusalBesideTheButton() {
    browser.manage().deleteAllCookies();
    steps.login(DemoOrganisation.DESIGN_EMPLOYEE, "tasklist");
    steps.clickText("a", "新しい申請");
    steps.clickText(".modal a", "情報資産の社外持ち出し申請");
    WebElement description = wait.until(ExpectedConditions.elementToBeClickable(field("assetDescription")));

    // Camunda Forms in Japanese: the select's placeholder, the dates' placeholder
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-select-display"),
        "選択してください"));
    assertThat(browser.findElement(field("startDate-date")).getAttribute("placeholder")).isEqualTo("yyyy/mm/dd");

    description.sendKeys("設計図面 (ノートPC内)");
    browser.findElement(field("assetIds")).sendKeys("IA-0001");
    chooseMedium("ノートパソコン");
    browser.findElement(field("destination")).sendKeys(DESTINATION);
    browser.findElement(field("purpose")).sendKeys("図面レビュー");
    steps.typeDate("startDate-date", today);
    steps.typeDate("plannedReturnDate-date", today.plusDays(1));
    // dates are shown as Japanese write them
    assertThat(browser.findElement(field("startDate-date")).getAttribute("value")).isEqualTo(today.format(BrowserSteps.JAPANESE_DATE));

    // the date picker: 日〜土 and 12月
    steps.click(browser.findElement(field("startDate-date")).findElement(By.xpath(
        "ancestor::*[contains(@class,'fjs-form-field')][1]//*[contains(@class,'fjs-input-adornment')]")));
    WebElement calendar = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector(".flatpickr-calendar.open")));
    assertThat(String.join("", calendar.findElements(By.cssSelector("span.flatpickr-weekday")).stream()
        .map(WebElement::getText).toList()).replaceAll("\\s", "")).isEqualTo("日月火水木金土");
    assertThat(((JavascriptExecutor) browser).executeScript("return arguments[0].querySelector("
        + "'.flatpickr-monthDropdown-months').selectedOptions[0].textContent;", calendar))
        .isEqualTo(today.getMonthValue() + "月");
    browser.findElement(field("purpose")).click();

    // when she submits without the measure 3.2 demands of every laptop, the form itself refuses, in Japanese
    steps.click(browser.findElement(field("attestKeptInSight")));
    steps.click(browser.findElement(By.cssSelector("button[ng-click='startProcessInstance()']")));
    WebElement diskEncrypted = browser.findElement(field("attestDiskEncrypted"));
    WebElement diskEncryptedField = diskEncrypted.findElement(By.xpath(
        "ancestor::div[contains(concat(' ', normalize-space(@class), ' '), ' fjs-form-field ')][1]"));
    wait.until(driver -> diskEncryptedField.getText().contains("入力してください。"));
    assertThat(body()).doesNotContain("Field is required");
    assertThat(instances()).isEmpty();

    // when she submits without the measure the server demands for 社外秘 assets only, the server refuses: the
    // refusal stands beside the button she pressed, with the field's label and the clause
    steps.click(diskEncrypted);
    steps.click(browser.findElement(By.cssSelector("button[ng-click='startProcessInstance()']")));
    WebElement refusal = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".isms-refusal")));
    assertThat(refusal.getText()).contains("申請できませんでした",
        "「屋外でネットワークに接続して送受信する場合は暗号化通信で行う (社外秘・極秘の情報資産)」",
        "暗号化通信が必要です", "(規程 3.2)");
    // in view where she is, at the bottom of the dialog
    wait.until(driver -> inViewport(refusal));
    DocumentationImages.save(browser, "tasklist-refusal.png");
    for (WebElement message : browser.findElements(By.cssSelector(".alert-danger"))) {
      assertThat(message.getText()).doesNotContain("Cannot", "process definition", "takeOut:", "attestEncryptedChannel",
          "：");
    }
    assertThat(instances()).isEmpty();

    // when she adds it, the request is filed, its dates stored as ISO dates
    steps.click(browser.findElement(field("attestEncryptedChannel")));
    steps.click(browser.findElement(By.cssSelector("button[ng-click='startProcessInstance()']")));
    ProcessInstance instance = wait.until(driver -> instances().stream().findFirst().orElse(null));
    assertThat(runtimeService.getVariable(instance.getId(), "startDate")).isEqualTo(today.toString());
    assertThat(runtimeService.getVariable(instance.getId(), "plannedReturnDate")).isEqualTo(today.plusDays(1).toString());
  }

  @Test
  void aTaskFormsRefusalIsExplainedBesideItsButtonAndItsDatesAreJapanese() {
    // given yamamoto's approved take-out, waiting for her report of the return
    Requests requests = new Requests(engine);
    Map<String, Object> variables = new HashMap<>(Requests.internalLaptopTakeOut());
    variables.put("plannedReturnDate", today.plusDays(3).toString());
    ProcessInstance instance = requests.file(DemoOrganisation.DESIGN_EMPLOYEE, TakeOutProcess.KEY, variables);
    requests.complete(DemoOrganisation.DEVELOPMENT_HEAD, instance, Map.of("decision", "APPROVED", "decisionComment",
        ""));

    // when she opens the step in Tasklist
    browser.manage().deleteAllCookies();
    steps.login(DemoOrganisation.DESIGN_EMPLOYEE, "tasklist");
    wait.ignoring(StaleElementReferenceException.class).until(driver -> {
      for (WebElement row : driver.findElements(By.cssSelector("li"))) {
        if (row.isDisplayed() && row.getText().contains(instance.getBusinessKey())) {
          steps.click(row.findElement(By.cssSelector("a")));
          return true;
        }
      }
      return null;
    });
    WebElement returnedOn = wait.until(ExpectedConditions.elementToBeClickable(field("returnedOn-date")));
    // then the planned date reads as Japanese write it
    assertThat(browser.findElement(By.cssSelector("[id*='Field_plannedReturnDate'][id$='-date']")).getAttribute("value"))
        .isEqualTo(today.plusDays(3).format(BrowserSteps.JAPANESE_DATE));

    // when she reports a return in the future, the server refuses beside 完了, in the form's words
    returnedOn.click();
    returnedOn.sendKeys(today.plusDays(1).format(BrowserSteps.JAPANESE_DATE), Keys.ENTER);
    returnedOn.sendKeys(Keys.TAB);
    steps.click(browser.findElement(By.cssSelector("button[ng-click='complete()']")));
    WebElement refusal = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".isms-refusal")));
    assertThat(refusal.getText()).contains("「返却日」: 返却日に未来の日付は指定できません").doesNotContain("returnedOn");
    assertThat(inViewport(refusal)).isTrue();
    for (WebElement message : browser.findElements(By.cssSelector(".alert-danger"))) {
      assertThat(message.getText()).doesNotContain("Cannot", "task form", "returnedOn");
    }
    // and nothing changed
    assertThat(requests.task(instance).getTaskDefinitionKey()).isEqualTo(TakeOutProcess.TASK_REPORT_RETURN);
    assertThat(runtimeService.getVariable(instance.getId(), "returnedOn")).isNull();
  }

  @Test
  void namesAreFamilyNameFirstAndTheLanguageSwitchNeverCoversADialog() {
    // Tasklist: 山本 さくら in the header
    browser.manage().deleteAllCookies();
    steps.login(DemoOrganisation.DESIGN_EMPLOYEE, "tasklist");
    wait.until(ExpectedConditions.textToBe(By.cssSelector("li.account > a"), "山本 さくら"));

    // the switch is in the footer; an open dialog covers it, never the other way round
    WebElement languageSwitch = browser.findElement(By.id("isms-locale-switch"));
    assertThat(languageSwitch.findElement(By.xpath("ancestor::footer")).isDisplayed()).isTrue();
    steps.clickText("a", "新しい申請");
    steps.clickText(".modal a", "情報資産の社外持ち出し申請");
    wait.until(ExpectedConditions.elementToBeClickable(field("assetDescription")));
    ((JavascriptExecutor) browser).executeScript("document.querySelector('.modal').scrollTop = 1e6;");
    for (String button : List.of("戻る", "閉じる")) {
      WebElement element = browser.findElements(By.cssSelector(".modal-footer button, .modal-footer a")).stream()
          .filter(e -> e.isDisplayed() && e.getText().contains(button)).findFirst().orElseThrow();
      assertThat(topmostAtCentre(element)).as(button).isTrue();
    }
    assertThat(topmostAtCentre(languageSwitch)).isFalse();

    // Cockpit: the footer in Japanese, the header family name first
    browser.manage().deleteAllCookies();
    steps.login(DemoOrganisation.SYSTEM_ADMINISTRATOR, "cockpit");
    wait.until(ExpectedConditions.textToBe(By.cssSelector("li.account > a"), "鈴木 花子"));
    assertThat(browser.findElement(By.tagName("footer")).getText()).contains("提供:").doesNotContain("Powered by");

    // Admin: 姓 before 名 in the list of users and in the profile
    browser.get("http://localhost:" + port + "/camunda/app/admin/default/#/users");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("table"), "伊藤"));
    wait.until(driver -> driver.findElement(By.cssSelector("table thead tr")).getText().matches("(?s).*姓.*名.*"));
    WebElement ito = browser.findElements(By.cssSelector("table tbody tr")).stream()
        .filter(row -> row.getText().startsWith(DemoOrganisation.DEVELOPMENT_HEAD)).findFirst().orElseThrow();
    assertThat(ito.getText()).contains("伊藤 直樹");
    browser.get("http://localhost:" + port + "/camunda/app/admin/default/#/users/ito?tab=profile");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("inputLastname")));
    wait.until(driver -> driver.findElement(By.cssSelector("form[name='editProfileForm']")).getText()
        .matches("(?s).*姓.*名.*"));
    assertThat(browser.findElement(By.cssSelector("li.account > a")).getText()).isEqualTo("鈴木 花子");
  }

  private List<ProcessInstance> instances() {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(TakeOutProcess.KEY)
        .variableValueEquals("requester", DemoOrganisation.DESIGN_EMPLOYEE).variableValueEquals("destination",
            DESTINATION).list();
  }

  private void chooseMedium(String label) {
    WebElement select = browser.findElement(field("medium")).findElement(By.xpath(".."));
    steps.click(select.findElement(By.cssSelector(".fjs-select-display, .fjs-input-group")));
    steps.clickText(".fjs-dropdownlist-item", label);
  }

  private boolean inViewport(WebElement element) {
    return (Boolean) ((JavascriptExecutor) browser).executeScript("const r = arguments[0].getBoundingClientRect();"
        + "return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0;", element);
  }

  /** Whether the element itself (or something inside it) is what a click at its centre would hit. */
  private boolean topmostAtCentre(WebElement element) {
    return (Boolean) ((JavascriptExecutor) browser).executeScript("const r = arguments[0].getBoundingClientRect();"
        + "const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);"
        + "return hit !== null && (hit === arguments[0] || arguments[0].contains(hit));", element);
  }

  private String body() {
    return browser.findElement(By.tagName("body")).getText();
  }
}
