package jp.sample.isms.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.Test;

/**
 * The flow table of the documentation index ({@code docs/README.md}, "Flows") says what the models say: every model's
 * process has a row, and every row a model; a row's name is the process's name (the table may add a note in
 * parentheses, the model may carry one; a row of several processes starts with the name of one of them); its clauses are the process's {@code isms.clauses}, where the table may write
 * a run of clauses as a range ({@code 9.1–9.5}) whose ends the model lists. The failure message shows the table as the
 * models would have it.
 */
class FlowTableTest {

  private static final Pattern ROW = Pattern.compile("^\\| \\[(.+?)\\]\\([^)]*\\) \\| (.+?) \\| (.+?) \\|$");
  private static final Pattern KEY = Pattern.compile("`([A-Za-z]+)`");

  record Row(List<String> keys, String name, List<String> clauses) {
  }

  @Test
  void theDocumentationsFlowTableAgreesWithTheModels() throws IOException {
    Map<String, FlowModel> models = models();
    List<Row> rows = rows();
    String expected = table(models);

    assertThat(rows.stream().flatMap(row -> row.keys().stream()).toList()).as("flows in the table; from the models:\n%s",
        expected).containsExactlyInAnyOrderElementsOf(models.keySet());
    for (Row row : rows) {
      List<FlowModel> ofRow = row.keys().stream().map(models::get).toList();
      assertThat(ofRow).as("name of %s; from the models:\n%s", row.keys(), expected)
          .anySatisfy(model -> assertThat(sameName(row.name(), model.name())
              || row.keys().size() > 1 && row.name().startsWith(model.name()))
              .as("%s vs the model's %s", row.name(), model.name()).isTrue());
      Set<String> modelClauses = ofRow.stream().flatMap(model -> model.clauses().stream())
          .collect(Collectors.toCollection(LinkedHashSet::new));
      for (String entry : row.clauses()) {
        for (String end : entry.split("–")) {
          assertThat(modelClauses).as("clause %s of %s is the model's; from the models:\n%s", end, row.keys(), expected)
              .contains(end.trim());
        }
      }
      for (String clause : modelClauses) {
        assertThat(row.clauses().stream().anyMatch(entry -> covers(entry, clause)))
            .as("the model's clause %s of %s is in the table; from the models:\n%s", clause, row.keys(), expected)
            .isTrue();
      }
    }
  }

  @Test
  void rangesAndNamesAreReadAsTheTableMeansThem() {
    assertThat(covers("9.1–9.5", "9.4.4")).isTrue();
    assertThat(covers("9.1–9.5", "9.6")).isFalse();
    assertThat(covers("5.1.4–5.1.10", "5.1.9")).isTrue();
    assertThat(covers("5.1.4–5.1.10", "5.1.1")).isFalse();
    assertThat(covers("3.2", "3.2")).isTrue();
    assertThat(covers("3.2", "3.2.1")).isFalse();
    assertThat(sameName("入社手続き", "入社手続き (従業員の雇用)")).isTrue();
    assertThat(sameName("情報資産管理台帳の登録・変更・廃棄申請", "情報資産管理台帳の登録・変更申請")).isFalse();
  }

  private static boolean sameName(String documented, String modelled) {
    return documented.equals(modelled) || documented.startsWith(modelled + " ") || modelled.startsWith(documented + " ");
  }

  private static boolean covers(String entry, String clause) {
    String[] ends = entry.split("–");
    if (ends.length == 1) {
      return ends[0].trim().equals(clause);
    }
    return compare(number(ends[0]), number(clause)) <= 0 && compare(number(clause), number(ends[1])) <= 0
        || startsWith(number(clause), number(ends[1]));
  }

  private static boolean startsWith(int[] clause, int[] prefix) {
    return clause.length >= prefix.length && Arrays.equals(clause, 0, prefix.length, prefix, 0, prefix.length);
  }

  private static int[] number(String clause) {
    return Arrays.stream(clause.trim().split("\\.")).mapToInt(Integer::parseInt).toArray();
  }

  private static int compare(int[] a, int[] b) {
    return Arrays.compare(a, b);
  }

  private static Map<String, FlowModel> models() throws IOException {
    Map<String, FlowModel> models = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
      for (Path file : files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList()) {
        for (Process process : Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(Process.class)) {
          models.put(process.getId(), FlowModel.of(process));
        }
      }
    }
    return models;
  }

  private static List<Row> rows() throws IOException {
    List<String> lines = Files.readAllLines(Path.of("docs", "README.md"));
    int start = lines.indexOf("## Flows");
    assertThat(start).as("docs/README.md has a section \"## Flows\"").isNotNegative();
    List<Row> rows = new ArrayList<>();
    for (String line : lines.subList(start + 1, lines.size())) {
      if (line.startsWith("## ")) {
        break;
      }
      Matcher row = ROW.matcher(line);
      if (row.matches()) {
        List<String> keys = new ArrayList<>();
        Matcher key = KEY.matcher(row.group(1));
        while (key.find()) {
          keys.add(key.group(1));
        }
        rows.add(new Row(keys, row.group(2).trim(),
            Arrays.stream(row.group(3).split(",")).map(String::trim).toList()));
      }
    }
    assertThat(rows).as("rows of the flow table").isNotEmpty();
    return rows;
  }

  /** The table as the models have it, for the failure message and the documentation. */
  static String table(Map<String, FlowModel> models) {
    StringBuilder table = new StringBuilder("| key | flow | clauses |\n| --- | --- | --- |\n");
    models.values().forEach(model -> table.append("| [`").append(model.key()).append("`](flows/").append(model.key())
        .append(".md) | ").append(model.name()).append(" | ").append(String.join(", ", model.clauses()))
        .append(" |\n"));
    return table.toString();
  }
}
