package jp.sample.isms.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Every label the 7.24 webapps ship in English has a Japanese value in our ja.json (no fallback to English). */
class WebappLocaleTest {

  private static final String LOCALES = "META-INF/resources/webjars/camunda/app/%s/locales/%s.json";
  private final ObjectMapper json = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"welcome", "tasklist", "admin", "cockpit"})
  void everyEnglishLabelHasAJapaneseValue(String app) throws IOException {
    JsonNode english = read(shippedEnglish(app));
    JsonNode japanese = read(new PathMatchingResourcePatternResolver().getResource(
        "classpath:" + LOCALES.formatted(app, "ja")));

    List<String> missing = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = english.get("labels").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> label = it.next();
      JsonNode value = japanese.path("labels").get(label.getKey());
      // Japanese has no plural suffix: cockpit's "s" labels (PLGN_BATCH_S, ...) are rightly empty
      boolean emptyInJapanese = label.getValue().asText().isBlank() || label.getValue().asText().equals("s");
      if (value == null || !value.isTextual() || (value.asText().isBlank() && !emptyInJapanese)) {
        missing.add(label.getKey());
      }
    }
    assertThat(missing).as("labels of %s without a Japanese value", app).isEmpty();
    assertThat(english.get("labels").size()).as("labels read from the webjar").isGreaterThan(100);
    if (english.has("dateLocales")) {
      english.get("dateLocales").fieldNames().forEachRemaining(key ->
          assertThat(japanese.path("dateLocales").has(key)).as("dateLocales.%s of %s", key, app).isTrue());
      assertThat(japanese.path("dateLocales").path("months").get(0).asText()).isEqualTo("1月");
    }
  }

  /** The English file of the Camunda webjar itself, not a copy of ours. */
  private Resource shippedEnglish(String app) throws IOException {
    Resource[] candidates = new PathMatchingResourcePatternResolver()
        .getResources("classpath*:" + LOCALES.formatted(app, "en"));
    for (Resource candidate : candidates) {
      if (candidate.getURL().toString().contains("camunda-webapp-webjar")) {
        return candidate;
      }
    }
    throw new AssertionError("the webjar's en.json of " + app + " is not on the classpath");
  }

  private JsonNode read(Resource resource) throws IOException {
    try (InputStream in = resource.getInputStream()) {
      byte[] bytes = in.readAllBytes();
      int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef ? 3 : 0; // the webjar's files start with a BOM
      return json.readTree(new String(bytes, start, bytes.length - start, java.nio.charset.StandardCharsets.UTF_8));
    }
  }
}
