package jp.sample.isms.auditor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The auditors' side knows no flow: the registers are declared by the flows that own them and found as beans, so the
 * sources of {@code jp.sample.isms.auditor} and {@code jp.sample.isms.audit} name no process key of the models in
 * {@code bpmn/}, no table or view of a flow (every table of the migrations but the record's own {@code audit_*}, the
 * organisation's {@code org_*} and the regulation's revision stamped on every record), and declare no register.
 */
class AuditorNamesNoFlowTest {

  private static final Path MAIN = Path.of("src/main/java/jp/sample/isms");
  private static final Pattern PROCESS_ID = Pattern.compile("<bpmn:process id=\"([^\"]+)\"");
  private static final Pattern TABLE = Pattern.compile("create (?:table|view) (\\w+)", Pattern.CASE_INSENSITIVE);

  @Test
  void theAuditorsSourcesNameNoProcessKeyTableOrRegisterOfAFlow() throws IOException {
    Set<String> processKeys = matches(Path.of("bpmn"), ".bpmn", PROCESS_ID);
    Set<String> tables = new TreeSet<>();
    for (String table : matches(Path.of("src/main/resources/db/migration"), ".sql", TABLE)) {
      String name = table.toLowerCase(Locale.ROOT);
      if (!name.startsWith("audit_") && !name.startsWith("org_") && !name.equals("regulation_revision")) {
        tables.add(name);
      }
    }
    assertThat(processKeys).as("process keys found").contains("takeOut", "mediaDisposal", "outsourcing");
    assertThat(tables).as("flow tables found").contains("takeout_register", "takeout_register_view",
        "account_register");

    List<String> found = new ArrayList<>();
    for (Path source : sources(MAIN.resolve("auditor"), MAIN.resolve("audit"))) {
      String text = Files.readString(source, StandardCharsets.UTF_8);
      String lower = text.toLowerCase(Locale.ROOT);
      for (String key : processKeys) {
        if (text.contains("\"" + key + "\"") || text.contains("'" + key + "'")
            || text.contains("{@code " + key + "}")) {
          found.add(source.getFileName() + ": process key " + key);
        }
      }
      for (String table : tables) {
        if (Pattern.compile("\\b" + table + "\\b").matcher(lower).find()) {
          found.add(source.getFileName() + ": table " + table);
        }
      }
      if (text.contains("new AuditRegister(")) {
        found.add(source.getFileName() + ": declares a register");
      }
    }
    assertThat(found).isEmpty();
  }

  @Test
  void theCheckFindsAFlowsNameWhereItIs() throws IOException {
    // the check itself reads what it claims to: the flows' own register declarations name their tables
    String takeOut = Files.readString(MAIN.resolve("takeout/TakeOutAuditRegister.java"), StandardCharsets.UTF_8);
    assertThat(takeOut).contains("new AuditRegister(").containsPattern("\\btakeout_register_view\\b");
  }

  private static Set<String> matches(Path directory, String suffix, Pattern pattern) throws IOException {
    Set<String> names = new TreeSet<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.filter(f -> f.toString().endsWith(suffix)).toList()) {
        Matcher matcher = pattern.matcher(Files.readString(file, StandardCharsets.UTF_8));
        while (matcher.find()) {
          names.add(matcher.group(1));
        }
      }
    }
    return names;
  }

  private static List<Path> sources(Path... directories) throws IOException {
    List<Path> sources = new ArrayList<>();
    for (Path directory : directories) {
      try (Stream<Path> files = Files.list(directory)) {
        sources.addAll(files.filter(f -> f.toString().endsWith(".java")).sorted().toList());
      }
    }
    assertThat(sources).hasSizeGreaterThan(10);
    return sources;
  }
}
