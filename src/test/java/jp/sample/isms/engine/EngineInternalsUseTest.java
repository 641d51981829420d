package jp.sample.isms.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Which main classes use the engine's internal packages ({@code org.camunda.bpm.engine.impl}): {@link EngineInternals}
 * and the product's engine extensions whose extension points are engine-internal types, each named below with why.
 * Everything else uses the engine's public API and {@code jp.sample.isms.engine} ({@link CurrentUser},
 * {@link EngineInternals}), so that an engine upgrade (or a move to the community fork) touches few files. A class not
 * in the list that starts using the internals fails here; so does a listed class that no longer needs them (the list
 * only shrinks).
 */
class EngineInternalsUseTest {

  private static final String INTERNALS = "org.camunda.bpm.engine.impl";

  /** Path under {@code src/main/java/jp/sample/isms} → why it may use the engine's internals. */
  static final Map<String, String> ALLOWED = allowed(
      "engine/EngineInternals.java", "owns every other use of the engine's internals",
      "engineconfig/EngineExtensions.java", "registers the product's extensions: ProcessEnginePlugin and "
          + "ProcessEngineConfigurationImpl are the engine's plug-in SPI",
      "approval/ApprovalParseListener.java", "BPMN parse listener (AbstractBpmnParseListener, parsed activities)",
      "approval/KernelExtensions.java", "contributes the kernel's parse listener and command interceptors",
      "approval/KernelCommands.java", "command interceptor: sees which engine command an administrator runs",
      "approval/SubmittedVariables.java", "command interceptor: reads the submitted variables of engine commands",
      "approval/RequestValidationException.java", "is an engine FormFieldValidationException, which the engine and "
          + "its REST API answer as a refused field",
      "audit/HistoryProtection.java", "command interceptor: guards the engine's history and comment commands",
      "audit/VariableDetailHistory.java", "history event handler (the engine's history SPI)",
      "design/DesignEnginePlugin.java", "contributes a deployer (engine configuration SPI)",
      "design/ModelDeploymentGate.java", "deployer: checks the deployment entity before the engine deploys it",
      "system/BcryptPasswordEncryptor.java", "password encryptor (engine SPI)",
      "system/GrantOnlyAuthorizations.java", "command interceptor: refuses saving a REVOKE authorization",
      "system/IsmsIdentityProvider.java", "identity provider (session factory and DB identity provider SPI)",
      "system/IsmsPasswordPolicy.java", "password policy built of the engine's password rules",
      "system/ModelExpressionEngine.java", "expression manager and script engine resolver of the engine",
      "system/ModelSafetyParseListener.java", "BPMN parse listener refusing unsafe model elements",
      "system/ProductionSafetyCheck.java", "checks the engine configuration (ProcessEngineConfigurationImpl) at start",
      "system/SecurityExtensions.java", "contributes the security extensions (encryptor, interceptors, sessions)",
      "system/TaskQueryPlanning.java", "command interceptor: plans the engine's task and filter queries",
      "system/UnfilteredGroupsAuthorizationManager.java", "authorization manager (session factory SPI)");

  @Test
  void onlyTheListedClassesUseTheEngineInternals() throws IOException {
    Map<String, Boolean> uses = uses();
    Set<String> unlisted = uses.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey)
        .filter(file -> !ALLOWED.containsKey(file)).collect(Collectors.toCollection(TreeSet::new));
    assertThat(unlisted).as("classes using " + INTERNALS + " that are not allowed to: use jp.sample.isms.engine "
        + "(CurrentUser, EngineInternals) instead").isEmpty();
  }

  @Test
  void everyListedClassStillUsesThem() throws IOException {
    Map<String, Boolean> uses = uses();
    Set<String> needless = ALLOWED.keySet().stream().filter(file -> !uses.getOrDefault(file, false))
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(needless).as("allowed classes that no longer use " + INTERNALS + " (or are gone): take them off the "
        + "list").isEmpty();
  }

  @Test
  void everyAllowedClassSaysWhy() {
    ALLOWED.forEach((file, why) -> assertThat(why).as(file).isNotBlank());
  }

  private static Map<String, Boolean> uses() throws IOException {
    Path base = Path.of("src/main/java/jp/sample/isms");
    try (Stream<Path> files = Files.walk(base)) {
      Map<String, Boolean> uses = new TreeMap<>();
      files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
        try {
          uses.put(base.relativize(f).toString().replace('\\', '/'), Files.readString(f).contains(INTERNALS));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      assertThat(uses).as("main classes").hasSizeGreaterThan(300);
      return uses;
    }
  }

  private static Map<String, String> allowed(String... pathsAndReasons) {
    Map<String, String> allowed = new TreeMap<>();
    for (int i = 0; i < pathsAndReasons.length; i += 2) {
      assertThat(allowed.put(pathsAndReasons[i], pathsAndReasons[i + 1])).as(pathsAndReasons[i]).isNull();
    }
    return allowed;
  }
}
