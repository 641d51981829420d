package jp.sample.isms.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every table in {@code bpmn/} has its table test: a class {@code <Table>DecisionTest} (or {@code <Table>Test}) whose
 * comment names {@code bpmn/<table>.dmn}, so a new table without a test fails here. Tables tested together on the
 * engine (their rules read through the flow's Java, or required decisions bound to the deployment) are named in the
 * comment of a {@code *DecisionTest} class instead.
 */
class DecisionTableTestsTest {

  static final Path TESTS = Path.of("src/test/java");

  @Test
  void everyTableHasATableTestClass() throws IOException {
    Map<String, String> sources = testSources();
    List<String> missing = new ArrayList<>();
    for (String table : DecisionTables.names()) {
      String type = Character.toUpperCase(table.charAt(0)) + table.substring(1);
      String mention = "bpmn/" + table + ".dmn";
      boolean named = Stream.of(type + "DecisionTest", type + "Test")
          .anyMatch(name -> sources.containsKey(name) && classComment(sources.get(name)).contains(mention));
      boolean together = sources.entrySet().stream().filter(e -> e.getKey().endsWith("DecisionTest"))
          .anyMatch(e -> classComment(e.getValue()).contains(table + ".dmn"));
      if (!named && !together) {
        missing.add(table + " (expected " + type + "DecisionTest naming " + mention + ")");
      }
    }
    assertThat(missing).as("tables without a table test").isEmpty();
  }

  @Test
  void theConventionFindsTheTestsItIsAbout() throws IOException {
    Map<String, String> sources = testSources();
    assertThat(DecisionTables.names()).contains("takeOutApprover", "mediaDisposalMethod");
    assertThat(classComment(sources.get("TakeOutApproverDecisionTest"))).contains("bpmn/takeOutApprover.dmn");
    // a table nobody tests would be reported
    assertThat(sources).doesNotContainKey("NoSuchTableDecisionTest");
  }

  /** The simple name of every test class with its source. */
  private static Map<String, String> testSources() throws IOException {
    try (Stream<Path> files = Files.walk(TESTS)) {
      return files.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toMap(
          p -> p.getFileName().toString().replace(".java", ""), DecisionTableTestsTest::read, (a, b) -> a + b));
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The comment just before the class declaration. */
  static String classComment(String source) {
    int declaration = source.indexOf("\nclass ");
    if (declaration < 0) {
      declaration = source.indexOf("\npublic class ");
    }
    if (declaration < 0) {
      return "";
    }
    int start = source.lastIndexOf("/**", declaration);
    return start < 0 ? "" : source.substring(start, declaration);
  }

}
