package jp.sample.isms.ui;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import jp.sample.isms.support.DemoOrganisation;

/**
 * What the browser tests do the same way in the webapps and the product's pages: log in to a Camunda webapp with the
 * demo password, find a Camunda Form field by its key, type a date as the Japanese forms read it, click an element
 * (scrolled into view, by script when something covers it) or the visible element with a text.
 */
final class BrowserSteps {

  static final String PASSWORD = DemoOrganisation.PASSWORD;
  /** Dates as the Japanese forms show and read them. */
  static final DateTimeFormatter JAPANESE_DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd");

  private final WebDriver browser;
  private final WebDriverWait wait;
  private final String base;

  /**
   * @param base the application, e.g. {@code http://localhost:8080}
   */
  BrowserSteps(WebDriver browser, WebDriverWait wait, String base) {
    this.browser = browser;
    this.wait = wait;
    this.base = base;
  }

  /** Logs in to Tasklist and waits for its task list. */
  void login(String user) {
    login(user, "tasklist");
  }

  /**
   * Logs in to a webapp ({@code tasklist}, {@code cockpit}, {@code admin}) and waits until it shows the user's menu
   * (Tasklist: its task list). On a busy machine the first load of a webapp may stall on its spinner: it is loaded
   * again, three times at most.
   */
  void login(String user, String app) {
    WebElement username = null;
    for (int attempt = 0; username == null; attempt++) {
      browser.get(base + "/camunda/app/" + app + "/default/");
      try {
        username = new WebDriverWait(browser, Duration.ofSeconds(45)).until(
            ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
      } catch (TimeoutException e) {
        if (attempt == 2) {
          throw e;
        }
      }
    }
    username.sendKeys(user);
    browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(PASSWORD);
    browser.findElement(By.cssSelector("button[type='submit']")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("li.account")));
    if ("tasklist".equals(app)) {
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "自分のタスク"));
    }
  }

  /**
   * The input of a Camunda Form field by its key, whether the form names the field {@code Field_<key>} or numbers
   * it ({@code Field_<key>71}); a suffix after a dash is form-js's: {@code startDate-date} (the date input),
   * {@code decision-0} (the first radio button).
   */
  static By field(String key) {
    int dash = key.indexOf('-');
    String name = dash < 0 ? key : key.substring(0, dash);
    String suffix = dash < 0 ? "" : key.substring(dash);
    Pattern id = Pattern.compile("Field_" + Pattern.quote(name) + "\\d*" + Pattern.quote(suffix) + "$");
    By candidates = By.cssSelector("[id*='Field_" + name + "']");
    return new By() {
      @Override
      public List<WebElement> findElements(SearchContext context) {
        return context.findElements(candidates).stream()
            .filter(element -> id.matcher(String.valueOf(element.getAttribute("id"))).find()).toList();
      }

      @Override
      public String toString() {
        return "form field " + key;
      }
    };
  }

  /** Types a date into a form-js date input ({@code startDate-date}) as a Japanese user does: 2026/12/07, Enter. */
  void typeDate(String key, LocalDate date) {
    WebElement input = browser.findElement(field(key));
    click(input);
    input.sendKeys(date.format(JAPANESE_DATE), Keys.ENTER);
    input.sendKeys(Keys.TAB);
  }

  /** Clicks the first visible element of {@code css} with the text; the webapps re-render while loading: looks again. */
  void clickText(String css, String text) {
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

  /** Clicks an element scrolled to the middle of the window; by script when something lies over it. */
  void click(WebElement element) {
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    try {
      element.click();
    } catch (RuntimeException e) {
      ((JavascriptExecutor) browser).executeScript("arguments[0].click();", element);
    }
  }
}
