package jp.sample.isms.notification;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
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
 *
 * <p>A notice (see {@link Notifier}) has a subject and a body of its own ({name}_{locale}.subject|body); its text is
 * the body in the frame every notice shares ({@code notice_{locale}.txt}: greeting, the way to the recipient's
 * requests, signature). A line of a template that starts with {@code ${?name}} is kept only where the value
 * {@code name} is given (not null, not empty, not false).
 */
@Component
class MailTemplates {

  /** A rendered mail. */
  record Rendered(String subject, String text, String html) {
  }

  /** The frame of every notice. */
  static final String NOTICE = "notice";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(\\w+)}");
  private static final Pattern CONDITIONAL_LINE = Pattern.compile("(?m)^\\$\\{\\?(\\w+)}(.*)(\\R|\\z)");
  private final Map<String, Optional<String>> cache = new ConcurrentHashMap<>();

  Rendered render(String name, String locale, Map<String, ?> model) {
    String language = "en".equals(locale) ? "en" : "ja";
    String subject = file(name, language, "subject").orElseThrow(() -> missing(name, language, "subject"));
    Optional<String> body = file(name, language, "body");
    String text;
    if (body.isPresent()) {
      Map<String, Object> framed = new HashMap<>(model);
      framed.put("body", fill(body.get(), model, false).strip());
      text = fill(file(NOTICE, language, "txt").orElseThrow(() -> missing(NOTICE, language, "txt")), framed, false);
    } else {
      text = fill(file(name, language, "txt").orElseThrow(() -> missing(name, language, "txt")), model, false);
    }
    return new Rendered(fill(subject, model, false).strip(), text,
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
    Matcher conditional = CONDITIONAL_LINE.matcher(template);
    StringBuilder kept = new StringBuilder();
    while (conditional.find()) {
      Object value = model.get(conditional.group(1));
      boolean given = value != null && !"".equals(value.toString()) && !Boolean.FALSE.equals(value);
      conditional.appendReplacement(kept, given ? Matcher.quoteReplacement(conditional.group(2) + conditional.group(3))
          : "");
    }
    conditional.appendTail(kept);
    Matcher matcher = PLACEHOLDER.matcher(kept);
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
