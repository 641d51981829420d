package jp.sample.isms.notification;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Mail templates as files (src/main/resources/mail/{name}_{locale}.subject|txt|html), Japanese and English, with
 * {@code ${placeholder}}s. Values are HTML-escaped in the HTML part.
 */
@Component
class MailTemplates {

  /** A rendered mail. */
  record Rendered(String subject, String text, String html) {
  }

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(\\w+)}");
  private final Map<String, Optional<String>> cache = new ConcurrentHashMap<>();

  Rendered render(String name, String locale, Map<String, ?> model) {
    String language = "en".equals(locale) ? "en" : "ja";
    String subject = file(name, language, "subject").orElseThrow(() -> missing(name, language, "subject"));
    String text = file(name, language, "txt").orElseThrow(() -> missing(name, language, "txt"));
    return new Rendered(fill(subject, model, false).strip(), fill(text, model, false),
        file(name, language, "html").map(html -> fill(html, model, true)).orElse(null));
  }

  private Optional<String> file(String name, String language, String kind) {
    return cache.computeIfAbsent(name + "_" + language + "." + kind, path -> {
      ClassPathResource resource = new ClassPathResource("mail/" + path);
      if (!resource.exists()) {
        return Optional.empty();
      }
      try (InputStream in = resource.getInputStream()) {
        return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new IllegalStateException("mail template " + path + " cannot be read", e);
      }
    });
  }

  private static String fill(String template, Map<String, ?> model, boolean html) {
    Matcher matcher = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      Object value = model.get(matcher.group(1));
      String text = value == null ? "" : value.toString();
      matcher.appendReplacement(out, Matcher.quoteReplacement(html ? HtmlUtils.htmlEscape(text) : text));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private static IllegalStateException missing(String name, String language, String kind) {
    return new IllegalStateException("mail template mail/" + name + "_" + language + "." + kind + " is missing");
  }
}
