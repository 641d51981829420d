package jp.sample.isms.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every notice is a template of its own, Japanese and English: the caller gives values only. The Japanese mail is
 * Japanese, the English mail has no Japanese in its wording (only in the values it is given), both use the same
 * values, and every kind of notice the product sends has both.
 */
class NoticeTemplatesTest {

  private static final Pattern VALUE = Pattern.compile("\\$\\{\\??(\\w+)}");
  private static final Pattern SENT = Pattern.compile("notifier\\.send\\([^,]+,\\s*\"([a-z-]+)\"");
  private static final Pattern MAIL_CALL = Pattern.compile("mail\\([^,]+,\\s*task,\\s*\"([a-z-]+)\"");

  private final MailTemplates templates = new MailTemplates();

  static Set<String> kinds() throws IOException {
    Set<String> kinds = new TreeSet<>();
    for (Resource body : new PathMatchingResourcePatternResolver().getResources("classpath:mail/*_ja.body")) {
      kinds.add(body.getFilename().replace("_ja.body", ""));
    }
    return kinds;
  }

  private static String file(String kind, String language, String part) throws IOException {
    return new String(new PathMatchingResourcePatternResolver().getResource("classpath:mail/" + kind + "_" + language
        + "." + part).getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }

  private static Set<String> values(String template) {
    Set<String> names = new TreeSet<>();
    Matcher matcher = VALUE.matcher(template);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }

  private static Set<String> printed(String template) {
    Set<String> names = new TreeSet<>();
    Matcher matcher = Pattern.compile("\\$\\{(\\w+)}").matcher(template);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }

  static boolean japanese(String text) {
    return text.codePoints().anyMatch(c -> (c >= 0x3000 && c <= 0x9FFF) || (c >= 0xFF00 && c <= 0xFFEF));
  }

  @Test
  void everyNoticeHasAJapaneseAndAnEnglishTemplateWithTheSameValues() throws IOException {
    assertThat(kinds()).hasSizeGreaterThanOrEqualTo(18);
    for (String kind : kinds()) {
      Set<String> ja = values(file(kind, "ja", "subject") + file(kind, "ja", "body"));
      Set<String> en = values(file(kind, "en", "subject") + file(kind, "en", "body"));
      // an English label may stand for a Japanese one (systemNameEn for systemName)
      Set<String> enWithoutEnglishLabels = new TreeSet<>();
      en.forEach(name -> enWithoutEnglishLabels.add(name.endsWith("En") ? name.substring(0, name.length() - 2) : name));
      assertThat(enWithoutEnglishLabels).as(kind).isEqualTo(ja);
    }
  }

  @Test
  void theJapaneseMailIsJapaneseAndTheEnglishMailHasNoJapaneseWording() throws IOException {
    for (String kind : kinds()) {
      Map<String, Object> model = new HashMap<>();
      for (String language : new String[] {"ja", "en"}) {
        for (String name : values(file(kind, language, "subject") + file(kind, language, "body"))) {
          model.put(name, "v-" + name);
        }
      }
      model.put("recipientName", "Ito Naoki");
      model.put("myRequestsLink", "http://localhost/audit/my-requests.html");
      MailTemplates.Rendered ja = templates.render(kind, "ja", model);
      MailTemplates.Rendered en = templates.render(kind, "en", model);
      assertThat(ja.subject()).as(kind).matches(NoticeTemplatesTest::japanese, "Japanese");
      assertThat(ja.text()).as(kind).matches(NoticeTemplatesTest::japanese, "Japanese").contains("Ito Naoki 様")
          .contains("申請一覧").doesNotContain("${").doesNotContain("Dear");
      assertThat(en.subject()).as(kind).matches(s -> !japanese(s), "has no Japanese");
      assertThat(en.text()).as(kind).matches(s -> !japanese(s), "has no Japanese").startsWith("Dear Ito Naoki")
          .contains("My requests").doesNotContain("${");
      // every value given reaches both mails
      for (String name : printed(file(kind, "ja", "subject") + file(kind, "ja", "body"))) {
        assertThat(ja.subject() + ja.text()).as(kind + " ja " + name).contains("v-" + name);
      }
    }
  }

  @Test
  void aLineForAValueNotGivenIsLeftOut() {
    Map<String, Object> model = new HashMap<>();
    model.put("businessKey", "SA-2026-0001");
    model.put("typeLabel", "リモートアクセス");
    model.put("remoteAccess", true);
    model.put("lanConnection", false);
    MailTemplates.Rendered ja = templates.render("security-approval-granted", "ja", model);
    assertThat(ja.text()).contains("公衆 WiFi 回線は利用できません").doesNotContain("接続前の確認")
        .doesNotContain("有効期間").doesNotContain("見直し日").doesNotContain("${?");
    MailTemplates.Rendered en = templates.render("security-approval-granted", "en", model);
    assertThat(en.text()).contains("Public WiFi must not be used").doesNotContain("checks before connecting")
        .doesNotContain("Valid from").doesNotContain("Review date");
  }

  @Test
  void everyNoticeTheProductSendsHasItsTemplates() throws IOException {
    Set<String> sent = new TreeSet<>();
    try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
      for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
        String code = Files.readString(source);
        for (Pattern call : new Pattern[] {SENT, MAIL_CALL}) {
          Matcher matcher = call.matcher(code);
          while (matcher.find()) {
            sent.add(matcher.group(1));
          }
        }
        // every notice names its template: a literal kind, or the kind a helper was given with one
        int calls = code.split("notifier\\.send\\(", -1).length - 1;
        int named = (int) SENT.matcher(code).results().count()
            + code.split("notifier\\.send\\(to, kind, values\\)", -1).length - 1;
        assertThat(named).as(source + ": notices without a template name").isEqualTo(calls);
      }
    }
    assertThat(sent).hasSizeGreaterThanOrEqualTo(18);
    assertThat(kinds()).containsAll(sent);
  }
}
