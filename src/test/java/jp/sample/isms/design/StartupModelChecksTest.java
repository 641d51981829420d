package jp.sample.isms.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import jp.sample.isms.IsmsApplication;

/**
 * 1.4: the start-up deployment passes the model checks. The application is started (H2, the test profile) with its
 * models taken from a folder of this test instead of {@code bpmn/} and {@code forms/}
 * ({@code camunda.bpm.deployment-resource-pattern}): a copy of the repository's models starts and deploys them; the
 * same copy with one flow broken stops the start with a message naming the file, the element and the rule, and
 * nothing of it is deployed.
 */
class StartupModelChecksTest {

  /** A private in-memory database that outlives a failed start, so that the test reads it afterwards. */
  final String database = "jdbc:h2:mem:startup-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
  ConfigurableApplicationContext application;

  @AfterEach
  void stop() {
    if (application != null) {
      application.close();
    }
    try (Connection connection = DriverManager.getConnection(database, "sa", "")) {
      connection.createStatement().execute("SHUTDOWN");
    } catch (SQLException ignored) {
      // already gone
    }
  }

  @Test
  void theRepositorysModelsFromAnotherFolderStartAndAreDeployed(@TempDir Path folder) throws IOException {
    Path models = copyOfTheRepository(folder);

    application = start(models);

    RepositoryService repository = application.getBean(RepositoryService.class);
    assertThat(repository.createDeploymentQuery().deploymentName(ModelDeploymentGate.STARTUP_DEPLOYMENT).count())
        .isOne();
    String deployment = repository.createDeploymentQuery().deploymentName(ModelDeploymentGate.STARTUP_DEPLOYMENT)
        .singleResult().getId();
    assertThat(repository.getDeploymentResourceNames(deployment))
        .anyMatch(name -> name.startsWith(models.toString()) && name.endsWith("takeOut.bpmn"))
        .anyMatch(name -> name.endsWith("takeOutApprover.dmn")).anyMatch(name -> name.endsWith("takeOutStart.form"));
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("takeOut").count()).isOne();
  }

  @Test
  void aUserTaskWithoutItsStepKindStopsTheStart(@TempDir Path folder) throws IOException {
    Path models = copyOfTheRepository(folder);
    Path takeOut = models.resolve("bpmn/takeOut.bpmn");
    String flow = Files.readString(takeOut, StandardCharsets.UTF_8);
    String stepKind = "<camunda:property name=\"isms.stepKind\" value=\"WORK\" />";
    assertThat(flow).contains(stepKind);
    Files.writeString(takeOut, flow.replaceFirst(java.util.regex.Pattern.quote(stepKind), ""),
        StandardCharsets.UTF_8);

    assertThatThrownBy(() -> application = start(models))
        .satisfies(failure -> assertThat(messages(failure))
            .contains("起動時の配備でモデルの検査に失敗しました")
            .contains("takeOut.bpmn [UserTask_RegisterAsset] isms/step-kind")
            .contains("isms.stepKind must be one of"));
    assertThat(application).isNull();
    assertThat(deployedRows()).isZero();
  }

  @Test
  void aScriptTaskStopsTheStart(@TempDir Path folder) throws IOException {
    Path models = copyOfTheRepository(folder);
    Path takeOut = models.resolve("bpmn/takeOut.bpmn");
    String flow = Files.readString(takeOut, StandardCharsets.UTF_8);
    String task = "<bpmn:userTask id=\"UserTask_RegisterAsset\"";
    assertThat(flow).contains(task);
    // the task becomes a script task with the same id, attributes, flows and shape
    String broken = flow.replace(task, "<bpmn:scriptTask scriptFormat=\"javascript\" id=\"UserTask_RegisterAsset\"");
    int start = broken.indexOf("<bpmn:scriptTask");
    int end = broken.indexOf("</bpmn:userTask>", start);
    broken = broken.substring(0, end) + "<bpmn:script>java.lang.System.exit(1)</bpmn:script></bpmn:scriptTask>"
        + broken.substring(end + "</bpmn:userTask>".length());
    Files.writeString(takeOut, broken, StandardCharsets.UTF_8);

    assertThatThrownBy(() -> application = start(models))
        .satisfies(failure -> assertThat(messages(failure))
            .contains("takeOut.bpmn [UserTask_RegisterAsset] isms/no-script-task")
            .contains("スクリプトタスクは使えません"));
    assertThat(application).isNull();
    assertThat(deployedRows()).isZero();
  }

  /** The application as the test profile runs it, its models from {@code models}. */
  private ConfigurableApplicationContext start(Path models) {
    String base = "file:" + models.toAbsolutePath() + "/";
    return new SpringApplicationBuilder(IsmsApplication.class).profiles("test").run(
        // an engine name of its own and no webapps: engines and the webapps' runtime are registered JVM-wide, and
        // closing a second application would take them from the other tests' application
        "--camunda.bpm.process-engine-name=startupChecks", "--camunda.bpm.webapp.enabled=false",
        "--server.port=0", "--spring.datasource.url=" + database, "--spring.datasource.username=sa",
        "--spring.datasource.password=",
        "--camunda.bpm.deployment-resource-pattern[0]=" + base + "bpmn/**/*.bpmn",
        "--camunda.bpm.deployment-resource-pattern[1]=" + base + "bpmn/**/*.dmn",
        "--camunda.bpm.deployment-resource-pattern[2]=" + base + "forms/**/*.form");
  }

  /** Deployments and process definitions the engine stored in the database of the start (0 if it has none). */
  private long deployedRows() {
    try (Connection connection = DriverManager.getConnection(database, "sa", "");
        Statement statement = connection.createStatement()) {
      long rows = 0;
      for (String table : new String[] {"ACT_RE_DEPLOYMENT", "ACT_RE_PROCDEF", "ACT_RE_DECISION_DEF"}) {
        try (ResultSet count = statement.executeQuery("select count(*) from " + table)) {
          count.next();
          rows += count.getLong(1);
        } catch (SQLException noTable) {
          // the engine's schema was not created: nothing deployed either
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** bpmn/ and forms/ of the repository copied to {@code folder}/models. */
  private static Path copyOfTheRepository(Path folder) throws IOException {
    Path models = folder.resolve("models");
    for (String name : new String[] {"bpmn", "forms"}) {
      Path source = Path.of(name);
      try (Stream<Path> files = Files.walk(source)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          Path target = models.resolve(name).resolve(source.relativize(file).toString());
          Files.createDirectories(target.getParent());
          Files.copy(file, target);
        }
      }
    }
    return models;
  }

  /** The messages of a failure and all its causes, one a line. */
  private static String messages(Throwable failure) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      text.append(t.getMessage()).append('\n');
    }
    return text.toString();
  }
}
